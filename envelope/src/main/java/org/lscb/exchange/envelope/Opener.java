package org.lscb.exchange.envelope;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.lscb.exchange.envelope.internal.Algorithms;
import org.lscb.exchange.envelope.internal.Bc;
import org.lscb.exchange.envelope.internal.KeyRules;

/**
 * Opens an envelope addressed to one {@link Identity}: decrypts, then verifies the author's signature,
 * in constant memory. The plaintext goes to a temporary file beside the target, readable by its owner
 * only, and is moved into place only when the authentication tag and the signature both verified;
 * any failure leaves nothing behind and says only "cannot open envelope".
 */
public final class Opener {

    private static final Logger LOG = Logger.getLogger(Opener.class.getName());

    private final Identity identity;
    private final X509Certificate issuer;

    Opener(Identity identity, X509Certificate issuer) {
        if (!KeyRules.isRsa(identity.certificate().getPublicKey())) {
            Bc.loadInBackground(); // for ECDH, while the envelope's header is read
        }
        this.identity = identity;
        this.issuer = issuer;
    }

    public OpenedEnvelope open(InputStream envelope, Path target) throws EnvelopeOpeningException {
        if (!KeyRules.isRsa(identity.certificate().getPublicKey())) {
            Bc.provider(); // ECDH with the CMS key derivation: the JDK lacks it
        }
        org.lscb.exchange.envelope.internal.CipherWarmup.await();
        Path dir = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".opening-", ".part", ownerOnly(dir));
            BerFraming framed = new BerFraming(envelope);
            org.lscb.exchange.envelope.internal.HeaderLimit limit = new org.lscb.exchange.envelope.internal.HeaderLimit(framed);
            Opened opened = decryptAndVerify(new BufferedInputStream(limit, 64 * 1024), limit, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            return new OpenedEnvelope(target, opened.size(), opened.signer(), opened.profile());
        } catch (EnvelopeOpeningException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.FINE, "envelope could not be opened", e);
            throw new EnvelopeOpeningException(e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not remove partial plaintext " + partial, e);
                }
            }
        }
    }

    private record Opened(long size, X509Certificate signer, EnvelopeProfile profile) {
    }

    private Opened decryptAndVerify(InputStream in, org.lscb.exchange.envelope.internal.HeaderLimit limit, Path partial) throws Exception {
        boolean rsa = KeyRules.isRsa(identity.certificate().getPublicKey());
        in.mark(16);
        EnvelopeProfile profile = EnvelopeInspector.containerOf(in);
        in.reset();
        RecipientInformationStore recipients;
        Recipient recipient;
        if (profile == EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM) {
            CMSAuthEnvelopedDataParser p = new CMSAuthEnvelopedDataParser(in);
            Algorithms.checkContentEncryption(Algorithms.AUTH_ENVELOPED, p.getEncryptionAlgOID());
            recipients = p.getRecipientInfos();
            recipient = rsa ? fastKeyTrans() : fastKeyAgree();
        } else {
            CMSEnvelopedDataParser p = new CMSEnvelopedDataParser(in);
            Algorithms.checkContentEncryption(Algorithms.ENVELOPED, p.getContentEncryptionAlgorithm());
            recipients = p.getRecipientInfos();
            recipient = rsa ? new JceKeyTransEnvelopedRecipient(identity.privateKey())
                    : new JceKeyAgreeEnvelopedRecipient(identity.privateKey()).setProvider(Bc.NAME);
        }
        limit.lift(); // the recipients are read; the content that follows may be as large as it is
        RecipientInformation mine = recipients.get(rsa ? new JceKeyTransRecipientId(identity.certificate())
                : new JceKeyAgreeRecipientId(identity.certificate()));
        if (mine == null) {
            throw new EnvelopeOpeningException();
        }
        if (rsa) {
            Algorithms.checkKeyTransport(mine.getKeyEncryptionAlgorithm());
        } else {
            Algorithms.checkKeyAgreement(mine.getKeyEncryptionAlgorithm());
        }
        CMSTypedStream decrypted = mine.getContentStream(recipient);
        // the content is the author's SignedData, typed id-data or id-signedData; anything else fails to parse below
        CMSSignedDataParser signed = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(),
                decrypted.getContentStream());
        long size;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            InputStream content = signed.getSignedContent().getContentStream();
            byte[] buf = new byte[1 << 20];
            long total = 0;
            int n;
            while ((n = content.read(buf)) >= 0) {
                out.write(buf, 0, n);
                total += n;
            }
            size = total;
        }
        X509Certificate signer = verifiedSigner(signed);
        decrypted.drain(); // reads to the end, where the authentication tag is checked
        in.transferTo(java.io.OutputStream.nullOutputStream()); // the framing checks every byte to the end

        try (var channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new Opened(size, signer, profile);
    }

    /** Unwraps the content key with the JDK's RSA-OAEP, as Bouncy Castle would, then decrypts with {@link FastGcmDecryptor}. */
    private Recipient fastKeyTrans() {
        return new JceKeyTransAuthEnvelopedRecipient(identity.privateKey()) {
            @Override
            public org.bouncycastle.cms.RecipientOperator getRecipientOperator(org.bouncycastle.asn1.x509.AlgorithmIdentifier keyAlg,
                    org.bouncycastle.asn1.x509.AlgorithmIdentifier contentAlg, byte[] encryptedKey) throws org.bouncycastle.cms.CMSException {
                return fast(contentAlg, extractSecretKey(keyAlg, contentAlg, encryptedKey));
            }
        };
    }

    private Recipient fastKeyAgree() {
        return new JceKeyAgreeAuthEnvelopedRecipient(identity.privateKey()) {
            @Override
            public org.bouncycastle.cms.RecipientOperator getRecipientOperator(org.bouncycastle.asn1.x509.AlgorithmIdentifier keyAlg,
                    org.bouncycastle.asn1.x509.AlgorithmIdentifier contentAlg, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo senderKey,
                    org.bouncycastle.asn1.ASN1OctetString ukm, byte[] encryptedKey) throws org.bouncycastle.cms.CMSException {
                return fast(contentAlg, extractSecretKey(keyAlg, contentAlg, senderKey, ukm, encryptedKey));
            }
        }.setProvider(Bc.NAME);
    }

    private static org.bouncycastle.cms.RecipientOperator fast(org.bouncycastle.asn1.x509.AlgorithmIdentifier contentAlg,
                                                               java.security.Key key) throws org.bouncycastle.cms.CMSException {
        try {
            return new org.bouncycastle.cms.RecipientOperator(new org.lscb.exchange.envelope.internal.FastGcmDecryptor(contentAlg, key));
        } catch (java.security.GeneralSecurityException e) {
            throw new org.bouncycastle.cms.CMSException("cannot set up decryption", e);
        }
    }

    private X509Certificate verifiedSigner(CMSSignedDataParser signed) throws Exception {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new EnvelopeOpeningException();
        }
        SignerInformation s = signers.iterator().next();
        Algorithms.checkSignature(s.getDigestAlgorithmID().getAlgorithm(), s.toASN1Structure().getDigestEncryptionAlgorithm());
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certs = signed.getCertificates();
        Collection<X509CertificateHolder> match = certs.getMatches(s.getSID());
        if (match.size() != 1) {
            throw new EnvelopeOpeningException();
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(match.iterator().next());
        if (!s.verify(org.lscb.exchange.envelope.internal.JdkSignatures.verifier(cert))) {
            throw new EnvelopeOpeningException();
        }
        if (issuer != null) {
            cert.checkValidity();
            cert.verify(issuer.getPublicKey());
        }
        return cert;
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
        }
        return new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
