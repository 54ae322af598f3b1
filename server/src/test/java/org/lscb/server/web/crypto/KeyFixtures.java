package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and PEM for the key modules' tests. */
final class KeyFixtures {

    private KeyFixtures() {}

    /** A key pair of the profile: "RSA" (3072), "EC" (P-256) or "EC-384", or any JDK spec ("RSA-2048", "EC-secp521r1"). */
    static KeyPair pair(String kind) throws GeneralSecurityException {
        KeyPairGenerator g;
        switch (kind) {
            case "RSA" -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(3072);
            }
            case "RSA-2048" -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
            }
            case "EC" -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
            }
            case "EC-384" -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp384r1"));
            }
            default -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(kind.substring("EC-".length())));
            }
        }
        return g.generateKeyPair();
    }

    /** A self-signed certificate for the pair, as `lscb keygen` makes its placeholder. */
    static X509Certificate selfSigned(KeyPair kp, String name) throws Exception {
        long now = System.currentTimeMillis();
        String alg = kp.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Name("CN=" + name),
                                BigInteger.valueOf(now),
                                new Date(now - 60_000),
                                new Date(now + 86_400_000L),
                                new X500Name("CN=" + name),
                                kp.getPublic())
                        .build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
    }

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    /** A PKCS#8 key as the JDK reads it. */
    static PrivateKey privateKey(byte[] pkcs8, String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /**
     * That two private keys are the same key, by their numbers rather than their encodings: Java's EC
     * PKCS#8 leaves out the public key that OpenSSL's and Chromium's carry.
     */
    static void assertSameKey(PrivateKey actual, PrivateKey expected) {
        if (expected instanceof RSAPrivateKey e) {
            assertThat(actual).isInstanceOf(RSAPrivateKey.class);
            assertThat(((RSAPrivateKey) actual).getModulus()).isEqualTo(e.getModulus());
            assertThat(((RSAPrivateKey) actual).getPrivateExponent()).isEqualTo(e.getPrivateExponent());
        } else {
            ECPrivateKey ec = (ECPrivateKey) expected;
            assertThat(actual).isInstanceOf(ECPrivateKey.class);
            assertThat(((ECPrivateKey) actual).getS()).isEqualTo(ec.getS());
            assertThat(((ECPrivateKey) actual).getParams().getCurve())
                    .isEqualTo(ec.getParams().getCurve());
        }
    }

    /**
     * Whether a signature made by WebCrypto verifies with the public key: RSA-PSS/SHA-256 (salt 32) or
     * ECDSA/SHA-256 in WebCrypto's r || s form.
     */
    static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature s;
        if (key.getAlgorithm().equals("RSA")) {
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        } else {
            s = Signature.getInstance("SHA256withECDSAinP1363Format");
        }
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    /** The PEM blocks of a label in text, decoded. */
    static List<byte[]> fromPem(String text, String label) {
        List<byte[]> out = new ArrayList<>();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        for (int at = text.indexOf(begin); at >= 0; at = text.indexOf(begin, at + 1)) {
            int stop = text.indexOf(end, at);
            out.add(java.util.Base64.getMimeDecoder().decode(text.substring(at + begin.length(), stop)));
        }
        return out;
    }
}
