package org.lscb.envelope;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.jcajce.JceGenericKey;
import org.lscb.envelope.internal.Algorithms;
import org.lscb.envelope.internal.Bc;
import org.lscb.envelope.internal.KeyRules;

/**
 * Gives newly entitled recipients access to an envelope without touching its content: a current holder
 * unwraps the content key with their own key and wraps it again for each new certificate. The answer is
 * a DER {@code SET OF RecipientInfo} for the server to add to the stored envelope. Only the header is read.
 */
public final class Granter {

    private static final Logger LOG = Logger.getLogger(Granter.class.getName());

    private final Identity holder;

    Granter(Identity holder) {
        this.holder = holder;
    }

    public byte[] grant(InputStream envelope, List<X509Certificate> newRecipients) throws EnvelopeOpeningException {
        if (!KeyRules.isRsa(holder.certificate().getPublicKey())
                || !newRecipients.stream().allMatch(c -> KeyRules.isRsa(c.getPublicKey()))) {
            Bc.provider(); // ECDH with the CMS key derivation: the JDK lacks it
        }
        if (newRecipients.isEmpty()) {
            throw new IllegalArgumentException("name at least one new recipient");
        }
        newRecipients.forEach(c -> KeyRules.check(c.getPublicKey()));
        try {
            BufferedInputStream in =
                    new BufferedInputStream(new org.lscb.envelope.internal.HeaderLimit(envelope), 64 * 1024);
            in.mark(64);
            EnvelopeProfile profile = EnvelopeInspector.containerOf(in);
            in.reset();
            RecipientInformationStore store;
            AlgorithmIdentifier content;
            if (profile == EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM) {
                CMSAuthEnvelopedDataParser p = new CMSAuthEnvelopedDataParser(in);
                content = p.getEncryptionAlgOID();
                Algorithms.checkContentEncryption(Algorithms.AUTH_ENVELOPED, content);
                store = p.getRecipientInfos();
            } else {
                CMSEnvelopedDataParser p = new CMSEnvelopedDataParser(in);
                content = p.getContentEncryptionAlgorithm();
                Algorithms.checkContentEncryption(Algorithms.ENVELOPED, content);
                store = p.getRecipientInfos();
            }
            Key cek = contentKey(store);
            ASN1EncodableVector infos = new ASN1EncodableVector();
            for (X509Certificate c : newRecipients) {
                infos.add(Sealer.recipientInfo(c).generate(new JceGenericKey(content, cek)));
            }
            return new DERSet(infos).getEncoded(ASN1Encoding.DER);
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.FINE, "cannot grant", e);
            throw new EnvelopeOpeningException(e);
        }
    }

    private Key contentKey(RecipientInformationStore store) throws Exception {
        boolean rsa = KeyRules.isRsa(holder.certificate().getPublicKey());
        RecipientInformation mine = store.get(
                rsa
                        ? new JceKeyTransRecipientId(holder.certificate())
                        : new JceKeyAgreeRecipientId(holder.certificate()));
        if (mine == null) {
            throw new EnvelopeOpeningException();
        }
        // the same allow-list as opening: the holder's key never does PKCS#1 v1.5 decryption or an unlisted key
        // agreement
        if (rsa) {
            Algorithms.checkKeyTransport(mine.getKeyEncryptionAlgorithm());
        } else {
            Algorithms.checkKeyAgreement(mine.getKeyEncryptionAlgorithm());
        }
        Key[] captured = new Key[1];
        Recipient capture = rsa
                ? new JceKeyTransAuthEnvelopedRecipient(holder.privateKey()) {
                    @Override
                    public RecipientOperator getRecipientOperator(
                            AlgorithmIdentifier keyAlg, AlgorithmIdentifier contentAlg, byte[] encryptedKey)
                            throws CMSException {
                        captured[0] = extractSecretKey(keyAlg, contentAlg, encryptedKey);
                        throw new Captured();
                    }
                }
                : new JceKeyAgreeAuthEnvelopedRecipient(holder.privateKey()) {
                    @Override
                    public RecipientOperator getRecipientOperator(
                            AlgorithmIdentifier keyAlg,
                            AlgorithmIdentifier contentAlg,
                            SubjectPublicKeyInfo senderKey,
                            ASN1OctetString ukm,
                            byte[] encryptedKey)
                            throws CMSException {
                        captured[0] = extractSecretKey(keyAlg, contentAlg, senderKey, ukm, encryptedKey);
                        throw new Captured();
                    }
                }.setProvider(Bc.NAME);
        try {
            mine.getContentStream(capture);
        } catch (CMSException | IOException | RuntimeException e) {
            if (captured[0] == null) {
                throw e;
            }
        }
        if (captured[0] == null) {
            throw new EnvelopeOpeningException();
        }
        Algorithms.checkContentKey(captured[0]); // a 128-bit key under an AES-256 label is not passed on as AES-256
        return captured[0];
    }

    /** Stops BC once the key is in hand: granting never decrypts content. */
    private static final class Captured extends CMSException {
        Captured() {
            super("content key captured");
        }
    }
}
