package org.lscb.envelope;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.lscb.envelope.internal.SingleSigner;

/**
 * A recipient's signed acknowledgement of a document (docs/api.md {@code POST /documents/{id}/receipt}): a
 * detached CMS SignedData over the document's SHA-256, written as 64 lowercase hexadecimal characters in
 * ASCII, as {@code printf %s <sha256> | openssl cms -sign -binary -md sha256 -outform DER} makes it. Exactly
 * one signer, an allowed algorithm, a signature that verifies over exactly those characters. Whether the
 * certificate is one this deployment issued to the caller is the caller's check.
 */
public final class ReceiptSignature {

    /** Larger than any one-signer SignedData with its certificate chain needs. */
    public static final int MAX_BYTES = 64 * 1024;

    ReceiptSignature() {}

    /**
     * A recipient's signature over a document's SHA-256, in the form {@link #verify} accepts: RSA-PSS or
     * ECDSA with SHA-256, the signer's certificate included.
     *
     * @param sha256 the document's SHA-256 in hexadecimal, as the server reports it
     * @return the DER SignedData, without encapsulated content
     */
    public byte[] sign(Identity recipient, String sha256) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(
                                    org.lscb.envelope.internal.JdkSignatures.signer(recipient.privateKey()),
                                    recipient.certificate()));
            gen.addCertificate(new X509CertificateHolder(recipient.certificate().getEncoded()));
            return gen.generate(new CMSProcessableByteArray(hashText(sha256)), false)
                    .getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a receipt with " + recipient, e);
        }
    }

    private static byte[] hashText(String sha256) {
        return sha256.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param der    the DER SignedData, without encapsulated content
     * @param sha256 the document's SHA-256 in hexadecimal
     * @return the signer's certificate, as carried in the SignedData
     * @throws UnsupportedEnvelopeException when it is not a detached signature by one signer over that hash
     */
    public X509Certificate verify(byte[] der, String sha256) {
        if (der.length > MAX_BYTES) {
            throw new UnsupportedEnvelopeException(
                    "a receipt signature of " + der.length + " bytes (at most " + MAX_BYTES + ")");
        }
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(hashText(sha256)), der);
            return SingleSigner.overGivenContent(signed, ReceiptSignature::refusal);
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new UnsupportedEnvelopeException("a receipt signature that does not verify or is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The signature as a receipt keeps it, once {@link #verify} accepted it: the one SignerInfo without unsigned
     * attributes and the signer's own certificate alone, re-encoded in DER. A receipt is shown to everyone who may
     * see the document's metadata; keeping only what the signature needs stops a recipient from passing anything
     * else (other certificates, revocation lists, attributes) to them through it.
     *
     * @throws UnsupportedEnvelopeException as {@link #verify}
     */
    public byte[] canonical(byte[] der, String sha256) {
        X509Certificate signer = verify(der, sha256);
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(hashText(sha256)), der);
            org.bouncycastle.cms.SignerInformation only =
                    signed.getSignerInfos().getSigners().iterator().next();
            CMSSignedData bare = CMSSignedData.replaceSigners(
                    signed,
                    new org.bouncycastle.cms.SignerInformationStore(
                            org.bouncycastle.cms.SignerInformation.replaceUnsignedAttributes(only, null)));
            CMSSignedData canonical = CMSSignedData.replaceCertificatesAndCRLs(
                    bare, new org.bouncycastle.cert.jcajce.JcaCertStore(java.util.List.of(signer)), null, null);
            byte[] out = canonical.getEncoded("DER");
            verify(out, sha256);
            return out;
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception e) {
            throw new UnsupportedEnvelopeException("a receipt signature that cannot be kept in DER ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The caller is told why: the message reaches them in the refusal of their receipt. */
    private static Exception refusal(SingleSigner.Refusal why, String detail) {
        return new UnsupportedEnvelopeException(
                switch (why) {
                    case NOT_ONE_SIGNER -> "a receipt signature with " + detail + " signers (exactly one allowed)";
                    case DIGEST_NOT_LISTED ->
                        "a receipt signature whose digest is not among those the SignedData lists";
                    // overGivenContent leaves these two to Bouncy Castle, which hashes the content itself
                    case NOT_ONE_MESSAGE_DIGEST -> "a receipt signature that does not sign exactly one message digest";
                    case OTHER_CONTENT -> "a receipt signature over other content";
                    case NO_CERTIFICATE -> "a receipt signature without its signer's certificate";
                    case DOES_NOT_VERIFY -> "a receipt signature that does not verify over the document's SHA-256";
                });
    }
}
