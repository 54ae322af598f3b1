package org.lscb.envelope;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cms.CMSSignedData;
import org.lscb.envelope.internal.SingleSigner;

/**
 * An uploader's outer signature around an envelope (docs/api.md "Documents"): streams the signed content (the
 * envelope) out while hashing it, then checks that exactly one signer signed exactly those bytes with an
 * allowed algorithm. Whether the signer's certificate is one this deployment issued to the uploader is
 * the caller's check; this class only proves that the certificate's key signed these bytes.
 *
 * <p>The signature is checked against our own digest of the content, never one a parser chose: the
 * signer's digest algorithm must be among those the SignedData announces, and the signed message digest
 * must equal ours. What follows the content is read in bounded memory (see {@code StreamedSignedData}).
 */
public final class OuterSignature {

    OuterSignature() {}

    /**
     * @param signed the BER SignedData, encapsulating the envelope
     * @param inner  receives the envelope's bytes
     * @return the signer's certificate, as carried in the SignedData
     * @throws UnsupportedEnvelopeException when it is not an encapsulating SignedData with one valid signature over its
     *                                      content, or carries revocation lists, more than 8 certificates or more
     *                                      than 1 MiB of them, or a SignerInfo of more than 64 KiB
     * @throws UncheckedIOException         when writing to {@code inner} fails (a full disk is not a bad signature)
     */
    public X509Certificate unwrap(InputStream signed, OutputStream inner) {
        try {
            StreamedSignedData sd =
                    StreamedSignedData.read(new BufferedInputStream(signed, 64 * 1024), new Destination(inner));
            return verifiedSigner(sd);
        } catch (Destination.WriteFailed e) {
            throw new UncheckedIOException(e.getCause());
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new UnsupportedEnvelopeException("an outer signature that does not verify or is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static X509Certificate verifiedSigner(StreamedSignedData sd) throws Exception {
        CMSSignedData detached = sd.detached();
        return SingleSigner.overOurDigests(
                detached.getSignerInfos(), detached.getCertificates(), sd::contentDigest, OuterSignature::refusal);
    }

    /** The uploader is told why: the message reaches them in the 415 response. */
    private static Exception refusal(SingleSigner.Refusal why, String detail) {
        return new UnsupportedEnvelopeException(
                switch (why) {
                    // StreamedSignedData has refused any other number already
                    case NOT_ONE_SIGNER -> "an outer signature with " + detail + " signers (exactly one allowed)";
                    case DIGEST_NOT_LISTED ->
                        "an outer signature whose signer's digest algorithm " + detail
                                + " is not among the SignedData's digest algorithms";
                    case NOT_ONE_MESSAGE_DIGEST -> "an outer signature that does not sign exactly one message digest";
                    case OTHER_CONTENT -> "an outer signature over other content";
                    case NO_CERTIFICATE -> "an outer signature without its signer's certificate";
                    case DOES_NOT_VERIFY -> "an outer signature that does not verify";
                });
    }

    /** The caller's stream: a failure to write there is the server's (disk full), not the uploader's. */
    private static final class Destination extends FilterOutputStream {

        static final class WriteFailed extends RuntimeException {
            WriteFailed(IOException cause) {
                super(cause);
            }

            @Override
            public synchronized IOException getCause() {
                return (IOException) super.getCause();
            }
        }

        Destination(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new WriteFailed(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
