package org.lscb.envelope;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.util.Store;
import org.lscb.envelope.internal.Algorithms;
import org.lscb.envelope.internal.Bc;
import org.lscb.envelope.internal.KeyRules;
import org.lscb.envelope.internal.NonContentLimit;
import org.lscb.envelope.internal.OpeningRecipients;
import org.lscb.envelope.internal.SignedContentDigests;
import org.lscb.envelope.internal.SingleSigner;
import org.lscb.envelope.internal.WriteBehind;

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
        if (!KeyRules.isRsa(identity.certificate().getPublicKey())) {
            Bc.provider(); // ECDH with the CMS key derivation: the JDK lacks it
        }
        Path dir = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".opening-", ".part", ownerOnly(dir));
            BerFraming framed = new BerFraming(envelope);
            NonContentLimit limit = NonContentLimit.envelope(framed);
            Opened opened = decryptAndVerify(
                    new BufferedInputStream(limit, 64 * 1024),
                    limit,
                    Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            try (var channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
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

    /** A small secret opened in memory: its bytes (the caller wipes them when done) and who signed it. */
    public record OpenedSecret(byte[] content, X509Certificate signer) {}

    /**
     * Opens an envelope whose content is a small secret (a key share) without writing it anywhere: the content is
     * kept in memory and handed back only when the authentication tag and the signature both verified.
     *
     * @param maxBytes the most content the secret may have; more is a refusal like any other
     */
    public OpenedSecret openSecret(InputStream envelope, int maxBytes) throws EnvelopeOpeningException {
        if (!KeyRules.isRsa(identity.certificate().getPublicKey())) {
            Bc.provider();
        }
        CappedBuffer content = new CappedBuffer(maxBytes);
        try {
            BerFraming framed = new BerFraming(envelope);
            NonContentLimit limit = NonContentLimit.envelope(framed);
            Opened opened = decryptAndVerify(new BufferedInputStream(limit, 64 * 1024), limit, content);
            return new OpenedSecret(content.toByteArray(), opened.signer());
        } catch (EnvelopeOpeningException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.FINE, "secret could not be opened", e);
            throw new EnvelopeOpeningException(e);
        } finally {
            content.wipe();
        }
    }

    /** Holds what is written up to a cap, and can be wiped. */
    private static final class CappedBuffer extends java.io.ByteArrayOutputStream {
        private final int max;

        CappedBuffer(int max) {
            super(Math.min(max, 4096));
            this.max = max;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + len > max) {
                throw new java.io.UncheckedIOException(new IOException("the secret is larger than " + max + " bytes"));
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        void wipe() {
            java.util.Arrays.fill(buf, (byte) 0);
        }
    }

    private record Opened(long size, X509Certificate signer, EnvelopeProfile profile) {}

    /** Decrypts and verifies into {@code sink}, which it closes; nothing written there may be used unless this returns. */
    private Opened decryptAndVerify(InputStream in, NonContentLimit envelopeLimit, OutputStream sink) throws Exception {
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
            recipient = OpeningRecipients.authEnveloped(identity.privateKey(), rsa);
        } else {
            CMSEnvelopedDataParser p = new CMSEnvelopedDataParser(in);
            Algorithms.checkContentEncryption(Algorithms.ENVELOPED, p.getContentEncryptionAlgorithm());
            recipients = p.getRecipientInfos();
            recipient = OpeningRecipients.enveloped(identity.privateKey(), rsa);
        }
        envelopeLimit.headerRead();
        RecipientInformation mine = recipients.get(
                rsa
                        ? new JceKeyTransRecipientId(identity.certificate())
                        : new JceKeyAgreeRecipientId(identity.certificate()));
        if (mine == null) {
            throw new EnvelopeOpeningException();
        }
        if (rsa) {
            Algorithms.checkKeyTransport(mine.getKeyEncryptionAlgorithm());
        } else {
            Algorithms.checkKeyAgreement(mine.getKeyEncryptionAlgorithm());
        }
        // from here the envelope's content streams through in any size; what the parsers load whole around it (the
        // mac and attributes outside, the certificates and signer infos inside) is bounded by the two limits
        InputStream decrypted =
                envelopeLimit.content(mine.getContentStream(recipient).getContentStream());
        // the content is the author's SignedData, typed id-data or id-signedData; anything else fails to parse below
        NonContentLimit signedDataLimit = NonContentLimit.signedData(decrypted);
        SignedContentDigests digests = new SignedContentDigests();
        CMSSignedDataParser signed = new CMSSignedDataParser(digests, signedDataLimit);
        long size;
        // three threads, every byte passing through each: this one decrypts (AES-CTR and the GCM tag), a second hashes
        // (SHA-256, for the signature) and a third writes to the sink; on two cores none of them waits for the others
        WriteBehind written = new WriteBehind(sink);
        WriteBehind out = new WriteBehind(digests.tee(written));
        try {
            InputStream content =
                    signedDataLimit.content(signed.getSignedContent().getContentStream());
            byte[] buf = new byte[1 << 20];
            long total = 0;
            int n;
            while ((n = content.read(buf)) >= 0) {
                out.write(buf, 0, n);
                total += n;
            }
            out.close(); // waits until all of it is hashed and written, and the sink flushed
            size = total;
        } finally {
            out.abandon();
            written.abandon();
            sink.close();
        }
        X509Certificate signer = verifiedSigner(signed, digests);
        decrypted.transferTo(
                OutputStream.nullOutputStream()); // reads to the end, where the authentication tag is checked
        in.transferTo(OutputStream.nullOutputStream()); // the framing checks every byte to the end
        return new Opened(size, signer, profile);
    }

    private X509Certificate verifiedSigner(CMSSignedDataParser signed, SignedContentDigests written) throws Exception {
        SignerInformationStore signers = signed.getSignerInfos();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certificates = signed.getCertificates();
        X509Certificate cert = SingleSigner.overOurDigests(signers, certificates, written::of, Opener::refusal);
        // which certificate may sign is each caller's own rule: given an issuer, the Opener takes only one it issued,
        // valid now
        if (issuer != null) {
            cert.checkValidity();
            cert.verify(issuer.getPublicKey());
        }
        return cert;
    }

    /** Only "cannot open envelope" leaves {@link #open}; what went wrong is its cause, for the log. */
    private static Exception refusal(SingleSigner.Refusal why, String detail) {
        return switch (why) {
            case NOT_ONE_SIGNER, NO_CERTIFICATE, DOES_NOT_VERIFY -> new EnvelopeOpeningException();
            case DIGEST_NOT_LISTED ->
                new SignatureException(
                        "the signer's digest " + detail + " is not among the SignedData's digestAlgorithms");
            case NOT_ONE_MESSAGE_DIGEST ->
                new SignatureException("the signature does not sign exactly one messageDigest");
            case OTHER_CONTENT -> new SignatureException("the signed messageDigest is not the digest of the content");
        };
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
