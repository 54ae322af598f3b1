package org.lscb.exchange.envelope;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.lscb.exchange.envelope.internal.Algorithms;

/**
 * An uploader's outer signature around an envelope (API.md "Documents"): streams the signed content (the
 * envelope) out, then checks that exactly one signer signed it with an allowed algorithm and that the
 * signature verifies. Whether the signer's certificate is one this deployment issued to the uploader is
 * the caller's check; this class only proves that the certificate's key signed these bytes.
 */
public final class OuterSignature {

    OuterSignature() {
    }

    /**
     * @param signed the DER SignedData, encapsulating the envelope
     * @param inner  receives the envelope's bytes
     * @return the signer's certificate, as carried in the SignedData
     * @throws UnsupportedEnvelopeException when it is not an encapsulating SignedData with one valid signature
     */
    public X509Certificate unwrap(InputStream signed, OutputStream inner) {
        try {
            CMSSignedDataParser p = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(),
                    new BufferedInputStream(signed, 64 * 1024));
            CMSTypedStream content = p.getSignedContent();
            if (content == null) {
                throw new UnsupportedEnvelopeException("a detached outer signature (the envelope must be inside it)");
            }
            InputStream in = content.getContentStream();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                inner.write(buf, 0, n);
            }
            Collection<SignerInformation> signers = p.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new UnsupportedEnvelopeException("an outer signature with " + signers.size() + " signers (exactly one allowed)");
            }
            SignerInformation s = signers.iterator().next();
            Algorithms.checkSignature(s.getDigestAlgorithmID().getAlgorithm(), s.toASN1Structure().getDigestEncryptionAlgorithm());
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certs = p.getCertificates();
            Collection<X509CertificateHolder> match = certs.getMatches(s.getSID());
            if (match.size() != 1) {
                throw new UnsupportedEnvelopeException("an outer signature without its signer's certificate");
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(match.iterator().next());
            if (!s.verify(org.lscb.exchange.envelope.internal.JdkSignatures.verifier(cert))) {
                throw new UnsupportedEnvelopeException("an outer signature that does not verify");
            }
            return cert;
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new UnsupportedEnvelopeException("an outer signature that does not verify or is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
