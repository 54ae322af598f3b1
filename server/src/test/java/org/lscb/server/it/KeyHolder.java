package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.lscb.envelope.Identity;

/** A participant's key made on "their machine" (the test), enrolled with the server as they would. */
final class KeyHolder {

    private KeyHolder() {}

    /** Makes a key pair, sends a PKCS#10 request and answers the identity with the issued certificate. */
    static Identity enrol(Api api, String token, String purpose, boolean rsa) throws Exception {
        Enrolment e = tryEnrol(api, token, purpose, rsa);
        assertThat(e.reply().status()).as(e.reply().body()).isEqualTo(201);
        return Identity.of(e.key(), certificates(e.reply().body()).get(0));
    }

    /** A request for a certificate and the server's answer, whatever it was. */
    record Enrolment(java.security.PrivateKey key, Api.Reply reply) {}

    static Enrolment tryEnrol(Api api, String token, String purpose, boolean rsa) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
        if (rsa) {
            g.initialize(3072);
        } else {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair kp = g.generateKeyPair();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored by the server"), kp.getPublic())
                .build(new JcaContentSignerBuilder(rsa ? "SHA256withRSA" : "SHA256withECDSA").build(kp.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        Api.Reply r = api.send(
                "POST",
                "/api/v1/keys/enrol" + (purpose == null ? "" : "?for=" + purpose),
                token,
                "application/pkcs10",
                pem.toString().getBytes(StandardCharsets.US_ASCII));
        return new Enrolment(kp.getPrivate(), r);
    }

    static List<X509Certificate> certificates(String pemBundle) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pemBundle.getBytes(StandardCharsets.US_ASCII)))
                .stream()
                .map(c -> (X509Certificate) c)
                .toList();
    }
}
