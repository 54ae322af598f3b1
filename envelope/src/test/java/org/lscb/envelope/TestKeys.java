package org.lscb.envelope;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lscb.envelope.internal.Bc;

/** Key pairs and certificates made for the tests, cached per name (RSA key generation is slow). */
final class TestKeys {

    private static final ConcurrentHashMap<String, Identity> CACHE = new ConcurrentHashMap<>();
    private static volatile Identity ca;

    private TestKeys() {}

    static synchronized Identity ca() {
        if (ca == null) {
            KeyPair kp = generate("EC", 256);
            ca = Identity.of(kp.getPrivate(), certificate("CN=Test CA", kp, "CN=Test CA", kp.getPrivate(), true));
        }
        return ca;
    }

    static Identity rsa(String name) {
        return CACHE.computeIfAbsent("rsa:" + name, k -> issued(name, generate("RSA", 3072)));
    }

    static Identity ec(String name) {
        return CACHE.computeIfAbsent("ec:" + name, k -> issued(name, generate("EC", 256)));
    }

    static Identity ecP384(String name) {
        return CACHE.computeIfAbsent("ec384:" + name, k -> issued(name, generate("EC", 384)));
    }

    static KeyPair generate(String alg, int size) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            if (alg.equals("EC")) {
                g.initialize(new ECGenParameterSpec(size == 384 ? "secp384r1" : "secp256r1"));
            } else {
                g.initialize(size);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Identity issued(String name, KeyPair kp) {
        Identity issuer = ca();
        return Identity.of(kp.getPrivate(), certificate("CN=" + name, kp, "CN=Test CA", issuer.privateKey(), false));
    }

    static X509Certificate certificate(String subject, KeyPair kp, String issuer, PrivateKey signer, boolean isCa) {
        try {
            Bc.provider();
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(now ^ subject.hashCode()).abs(),
                    new Date(now - 60_000),
                    new Date(now + 86_400_000L),
                    new X500Name(subject),
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(kp.getPublic()));
            String alg = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
