package org.lscb.envelope.internal;

import java.io.OutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The profile's signatures (RSA-PSS with SHA-256, ECDSA) made and checked by the JDK's own providers,
 * for Bouncy Castle's CMS classes. Bouncy Castle's helpers name RSA-PSS {@code SHA256WITHRSAANDMGF1},
 * which only Bouncy Castle's provider knows; the JDK has it as {@code RSASSA-PSS} with its parameters
 * given separately, so RSA-PSS goes through here and ECDSA through Bouncy Castle's JCA helpers as it
 * is. Which algorithms an envelope may carry at all is {@link Algorithms}' decision, made before this.
 */
public final class JdkSignatures {

    /** SHA-256, MGF1 with SHA-256, a 32-byte salt: what {@code openssl cms -keyopt rsa_padding_mode:pss} makes too. */
    private static final PSSParameterSpec PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private static final String PSS = "RSASSA-PSS";

    private JdkSignatures() {}

    /** Signs with RSA-PSS (SHA-256) for an RSA key, ECDSA with SHA-256 for an EC key. */
    public static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        if (!"RSA".equals(key.getAlgorithm()) && !PSS.equals(key.getAlgorithm())) {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        }
        AlgorithmIdentifier id = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSAandMGF1");
        try {
            Signature s = Signature.getInstance(PSS);
            s.setParameter(PSS_SHA256);
            s.initSign(key);
            return new ContentSigner() {
                private final OutputStream out = new SignatureStream(s);

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return id;
                }

                @Override
                public OutputStream getOutputStream() {
                    return out;
                }

                @Override
                public byte[] getSignature() {
                    try {
                        return s.sign();
                    } catch (SignatureException e) {
                        throw new RuntimeOperatorException("cannot sign: " + e.getMessage(), e);
                    }
                }
            };
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("cannot sign with RSA-PSS: " + e.getMessage(), e);
        }
    }

    /** Checks one SignerInfo against {@code certificate}'s key. */
    public static SignerInformationVerifier verifier(X509Certificate certificate) throws OperatorCreationException {
        ContentVerifierProvider others = new JcaContentVerifierProviderBuilder().build(certificate);
        PublicKey key = certificate.getPublicKey();
        ContentVerifierProvider provider = new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return others.hasAssociatedCertificate();
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return others.getAssociatedCertificate();
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                if (!PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
                    return others.get(algorithm);
                }
                return pssVerifier(algorithm, key);
            }
        };
        return new SignerInformationVerifier(
                new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(),
                provider,
                new JcaDigestCalculatorProviderBuilder().build());
    }

    private static ContentVerifier pssVerifier(AlgorithmIdentifier algorithm, PublicKey key)
            throws OperatorCreationException {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance(PSS);
            params.init(algorithm.getParameters().toASN1Primitive().getEncoded());
            Signature s = Signature.getInstance(PSS);
            s.setParameter(params.getParameterSpec(PSSParameterSpec.class));
            s.initVerify(key);
            OutputStream out = new SignatureStream(s);
            return new ContentVerifier() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return out;
                }

                @Override
                public boolean verify(byte[] signature) {
                    try {
                        return s.verify(signature);
                    } catch (SignatureException e) {
                        return false;
                    }
                }
            };
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new OperatorCreationException("cannot check an RSA-PSS signature: " + e.getMessage(), e);
        }
    }

    /** Feeds what is written into the signature. */
    private static final class SignatureStream extends OutputStream {
        private final Signature signature;

        SignatureStream(Signature signature) {
            this.signature = signature;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                signature.update(b, off, len);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("cannot sign or check: " + e.getMessage(), e);
            }
        }
    }
}
