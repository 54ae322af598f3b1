package org.lscb.bench;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The keys a benchmark's world needs: the board's key, which the deployment's CA certifies and every IMR on the
 * board's reviews is sealed to, and an author's key with a self-signed certificate for the envelope's inner
 * signature, which the server does not check.
 */
public final class BenchKeys {

    private BenchKeys() {}

    /** An RSA 3072 key pair, for the board's key. */
    public static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        return g.generateKeyPair();
    }

    /** A P-256 key pair, an author's signing key. */
    public static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A certificate of an EC or RSA key signed by itself, valid from a minute ago for a day, issued to {@code CN=name}. */
    public static X509Certificate selfSigned(KeyPair kp, String name) throws Exception {
        long now = System.currentTimeMillis();
        X500Name subject = new X500Name("CN=" + name);
        var b = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(now),
                new Date(now - 60_000),
                new Date(now + 86_400_000L),
                subject,
                kp.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(
                                "RSA".equals(kp.getPrivate().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA")
                        .build(kp.getPrivate())));
    }

    /**
     * Enrols {@code kp} as the board's key of the officer whose token this is ({@code POST /keys/enrol?for=board}
     * with a certification request for {@code CN=name}); answers the certificate the CA issued.
     */
    public static X509Certificate enrolBoard(HttpClient http, String base, String officerToken, KeyPair kp, String name)
            throws Exception {
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/keys/enrol?for=board"))
                        .header("Authorization", "Bearer " + officerToken)
                        .header("Content-Type", "application/pkcs10")
                        .POST(HttpRequest.BodyPublishers.ofString(pem.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrol answered " + r.statusCode() + ": " + r.body());
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.US_ASCII)));
    }
}
