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
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
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
        this.identity = identity;
        this.issuer = issuer;
    }

    public OpenedEnvelope open(InputStream envelope, Path target) throws EnvelopeOpeningException {
        Bc.provider();
        Path dir = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".opening-", ".part", ownerOnly(dir));
            BerFraming framed = new BerFraming(envelope);
            Opened opened = decryptAndVerify(new BufferedInputStream(framed, 64 * 1024), partial);
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

    private Opened decryptAndVerify(InputStream in, Path partial) throws Exception {
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
            recipient = rsa ? new JceKeyTransAuthEnvelopedRecipient(identity.privateKey()).setProvider(Bc.NAME)
                    : new JceKeyAgreeAuthEnvelopedRecipient(identity.privateKey()).setProvider(Bc.NAME);
        } else {
            CMSEnvelopedDataParser p = new CMSEnvelopedDataParser(in);
            Algorithms.checkContentEncryption(Algorithms.ENVELOPED, p.getContentEncryptionAlgorithm());
            recipients = p.getRecipientInfos();
            recipient = rsa ? new JceKeyTransEnvelopedRecipient(identity.privateKey()).setProvider(Bc.NAME)
                    : new JceKeyAgreeEnvelopedRecipient(identity.privateKey()).setProvider(Bc.NAME);
        }
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
        CMSSignedDataParser signed = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().setProvider(Bc.NAME).build(),
                decrypted.getContentStream());
        long size;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            size = signed.getSignedContent().getContentStream().transferTo(out);
        }
        X509Certificate signer = verifiedSigner(signed);
        decrypted.drain(); // reads to the end, where the authentication tag is checked
        in.transferTo(java.io.OutputStream.nullOutputStream()); // the framing checks every byte to the end

        try (var channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new Opened(size, signer, profile);
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
        if (!s.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.NAME).build(cert))) {
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
