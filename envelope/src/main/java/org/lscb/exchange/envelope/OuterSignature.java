package org.lscb.exchange.envelope;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Store;
import org.lscb.exchange.envelope.internal.Algorithms;
import org.lscb.exchange.envelope.internal.JdkSignatures;
import org.lscb.exchange.envelope.internal.SignedContentDigests;

/**
 * An uploader's outer signature around an envelope (API.md "Documents"): streams the signed content (the
 * envelope) out while hashing it, then checks that exactly one signer signed exactly those bytes with an
 * allowed algorithm. Whether the signer's certificate is one this deployment issued to the uploader is
 * the caller's check; this class only proves that the certificate's key signed these bytes.
 *
 * <p>The signature is checked against our own digest of the content, never one a parser chose: the
 * signer's digest algorithm must be among those the SignedData announces, and the signed message digest
 * must equal ours. What follows the content is read in bounded memory (see {@code StreamedSignedData}).
 */
public final class OuterSignature {

    OuterSignature() {
    }

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
            StreamedSignedData sd = StreamedSignedData.read(new BufferedInputStream(signed, 64 * 1024), new Destination(inner));
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
        SignerInfo info = sd.signerInfo();
        ASN1ObjectIdentifier digestAlgorithm = info.getDigestAlgorithm().getAlgorithm();
        Algorithms.checkSignature(digestAlgorithm, info.getDigestEncryptionAlgorithm());
        byte[] digest = sd.contentDigest(digestAlgorithm).orElseThrow(() -> new UnsupportedEnvelopeException(
                "an outer signature whose signer's digest algorithm " + digestAlgorithm + " is not among the SignedData's digest algorithms"));
        byte[] signed = SignedContentDigests.signedMessageDigest(info.getAuthenticatedAttributes() == null ? null
                : new AttributeTable(info.getAuthenticatedAttributes())).orElseThrow(() -> new UnsupportedEnvelopeException(
                        "an outer signature that does not sign exactly one message digest"));
        if (!MessageDigest.isEqual(digest, signed)) {
            throw new UnsupportedEnvelopeException("an outer signature over other content");
        }
        CMSSignedData detached = new CMSSignedData(Map.of(digestAlgorithm, digest), sd.withoutContent());
        SignerInformation s = detached.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certs = detached.getCertificates();
        Collection<X509CertificateHolder> match = certs.getMatches(s.getSID());
        if (match.size() != 1) {
            throw new UnsupportedEnvelopeException("an outer signature without its signer's certificate");
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(match.iterator().next());
        if (!s.verify(JdkSignatures.verifier(cert))) {
            throw new UnsupportedEnvelopeException("an outer signature that does not verify");
        }
        return cert;
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
