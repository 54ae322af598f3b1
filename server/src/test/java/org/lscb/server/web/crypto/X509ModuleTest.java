package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.web.crypto.ModuleBrowser.bytes;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesOf;
import static org.lscb.server.web.crypto.TestPki.der;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.envelope.Identity;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.exchange.pki.Pem;

/**
 * x509.js against the JDK and Bouncy Castle: it reads the certificates the deployment CA issues as the JDK
 * does (names, serial, validity, key, key usage, the server's fingerprint), knows which CA issued them by
 * WebCrypto's signature check, and imports their keys so that WebCrypto and the JDK interoperate.
 */
@ExtendWith(ModuleBrowser.class)
class X509ModuleTest {

    static {
        if (java.security.Security.getProvider("BC") == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }

    /** The parsed fields that cross to Java, Node objects left out. */
    private static final String DESCRIBE = """
            const x = await load('x509.js');
            const c = x.parseCertificate(args[0]);
            return { subject: c.subject, issuer: c.issuer, serial: c.serial, notBefore: c.notBefore, notAfter: c.notAfter,
              key: c.key, keyUsage: c.keyUsage ?? null, ski: c.subjectKeyIdentifier ?? null, spki: c.spki,
              fingerprint: await x.fingerprint(c) };
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA", "P-256", "P-384"})
    @SuppressWarnings("unchecked")
    void readsWhatTheDeploymentCaIssues_asTheJdkDoes(String kind, ModuleBrowser browser) throws Exception {
        Identity id = switch (kind) {
            case "RSA" -> TestPki.rsa("Reviewer");
            case "P-256" -> TestPki.ec("Board");
            default -> TestPki.ecP384("P384 Reviewer");
        };
        X509Certificate c = id.certificate();

        Map<String, Object> read = (Map<String, Object>) browser.run(DESCRIBE, bytes(der(c)));

        String name = TestPki.name(id);
        assertThat(read.get("subject")).isEqualTo("CN=" + name + ", O=Test Agency, UID=id-" + name);
        assertThat(read.get("issuer")).isEqualTo("CN=Test Deployment CA, O=LSCB review exchange");
        assertThat(read.get("serial")).isEqualTo(c.getSerialNumber().toString(16));
        assertThat(Instant.parse((String) read.get("notBefore")))
                .isEqualTo(c.getNotBefore().toInstant());
        assertThat(Instant.parse((String) read.get("notAfter")))
                .isEqualTo(c.getNotAfter().toInstant());
        assertThat(read.get("fingerprint")).isEqualTo(Pem.fingerprint(c));
        assertThat(bytesOf(read.get("spki"))).isEqualTo(c.getPublicKey().getEncoded());
        assertThat(bytesOf(read.get("ski")))
                .isEqualTo(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                                org.bouncycastle.asn1.ASN1OctetString.getInstance(
                                                c.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                                        .getOctets())
                        .getOctets());
        assertThat((List<String>) read.get("keyUsage")).isEqualTo(usages(c.getKeyUsage()));
        assertThat((Map<String, Object>) read.get("key"))
                .isEqualTo(
                        kind.equals("RSA")
                                ? Map.of("kind", "RSA", "bits", 3072L, "exponent", "65537")
                                : Map.of("kind", "EC", "curve", kind));
    }

    @Test
    void aNameIsShownCommonNameFirst_withItsSpecialCharactersEscaped(ModuleBrowser browser) {
        KeyPair kp = TestPki.generate("EC", 256);
        byte[] c = certificate(
                "C=GB,O=Police+OU=Unit 7,CN=Smith\\, Jane",
                kp.getPublic(),
                "CN=Issuer",
                kp.getPrivate(),
                "SHA256withECDSA",
                null);

        Object subject =
                browser.run("const x = await load('x509.js'); return x.parseCertificate(args[0]).subject;", bytes(c));

        assertThat(subject).isEqualTo("CN=Smith\\, Jane, C=GB, O=Police, OU=Unit 7");
    }

    @Test
    void pemText_isReadToo_andJunkIsACertificateError(ModuleBrowser browser) throws Exception {
        X509Certificate c = TestPki.ec("Board").certificate();
        String script = "const x = await load('x509.js'); return x.parseCertificate(args[0]).serial;";

        assertThat(browser.run(script, Pem.certificate(c)))
                .isEqualTo(c.getSerialNumber().toString(16));
        for (Object junk :
                List.of(bytes(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}), bytes(new byte[0]), "no PEM here")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> browser.run(script, junk))
                    .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                        assertThat(e.name()).isEqualTo("CertificateError");
                        assertThat(e.text()).isNotBlank();
                    });
        }
    }

    /** The CA's ECDSA P-384 signature over each certificate, checked by WebCrypto: only the right CA's key says yes. */
    @Test
    void issuedBy_acceptsOnlyTheCaWhoseKeySigned(ModuleBrowser browser) throws Exception {
        byte[] reviewer = der(TestPki.rsa("Reviewer").certificate());
        byte[] ca = der(TestPki.ca().certificate());
        byte[] otherCa = der(TestPki.ca("Other CA").certificate());
        // the same name as the real CA, another key: a name is not an issuer
        DeploymentCa impostor = DeploymentCa.openOrCreate(
                TestPki.DIR.resolve("impostor.p12"), "secret".toCharArray(), "Test Deployment CA", Instant.now());
        byte[] flipped = reviewer.clone();
        flipped[flipped.length - 5] ^= 0x01; // inside the signature

        assertThat(issuedBy(browser, reviewer, ca)).isTrue();
        assertThat(issuedBy(browser, reviewer, otherCa)).isFalse();
        assertThat(issuedBy(browser, reviewer, der(impostor.certificate()))).isFalse();
        assertThat(issuedBy(browser, flipped, ca)).isFalse();
        assertThat(issuedBy(browser, ca, ca)).as("the CA's own, self-signed").isTrue();
    }

    /** The RSA paths of issuedBy: PKCS#1 v1.5 and PSS signatures from an RSA issuer. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SHA256withRSA", "SHA384withRSA", "SHA256withRSAandMGF1"})
    void issuedBy_checksRsaIssuersToo(String algorithm, ModuleBrowser browser) {
        KeyPair issuer = TestPki.generate("RSA", 3072);
        KeyPair subject = TestPki.generate("EC", 256);
        byte[] issuerCert =
                certificate("CN=RSA Issuer", issuer.getPublic(), "CN=RSA Issuer", issuer.getPrivate(), algorithm, null);
        byte[] issued =
                certificate("CN=Someone", subject.getPublic(), "CN=RSA Issuer", issuer.getPrivate(), algorithm, null);
        byte[] flipped = issued.clone();
        flipped[flipped.length - 3] ^= 0x01;

        assertThat(issuedBy(browser, issued, issuerCert)).isTrue();
        assertThat(issuedBy(browser, flipped, issuerCert)).isFalse();
    }

    @Test
    void validAt_includesBothEnds_andNothingOutside(ModuleBrowser browser) {
        X509Certificate c = TestPki.ec("Board").certificate();
        long from = c.getNotBefore().getTime();
        long to = c.getNotAfter().getTime();

        Object answers = browser.run("""
                const x = await load('x509.js');
                const c = x.parseCertificate(args[0]);
                return args[1].map((t) => x.validAt(c, new Date(t)));
                """, bytes(der(c)), List.of(from - 1000, from, (from + to) / 2, to, to + 1000));

        assertThat(answers).isEqualTo(List.of(false, true, true, true, false));
    }

    @Test
    void checkKeyRules_refusesWhatTheJavaKeyRulesRefuse(ModuleBrowser browser) throws Exception {
        KeyPairGenerator smallExponent = KeyPairGenerator.getInstance("RSA");
        smallExponent.initialize(new RSAKeyGenParameterSpec(3072, BigInteger.valueOf(3)));
        KeyPairGenerator brainpool = KeyPairGenerator.getInstance("EC", "BC");
        brainpool.initialize(new ECGenParameterSpec("brainpoolP256r1"));
        String script =
                "const x = await load('x509.js'); x.checkKeyRules(x.parseCertificate(args[0])); return 'allowed';";

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        browser.run(script, bytes(selfSigned("CN=Short", TestPki.generate("RSA", 2048)))))
                .hasMessage("CertificateError: RSA keys must have at least 3072 bits, not 2048 (CN=Short)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> browser.run(script, bytes(selfSigned("CN=Three", smallExponent.generateKeyPair()))))
                .hasMessage("CertificateError: RSA keys must have an odd public exponent of at least 65537 (CN=Three)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> browser.run(script, bytes(selfSigned("CN=Brainpool", brainpool.generateKeyPair()))))
                .hasMessage("CertificateError: EC keys must be on P-256 or P-384 (CN=Brainpool)");
        assertThat(browser.run(script, bytes(der(TestPki.ecP384("P384 Reviewer").certificate()))))
                .isEqualTo("allowed");
        assertThat(browser.run(script, bytes(der(TestPki.rsa("Reviewer").certificate()))))
                .isEqualTo("allowed");
    }

    @Test
    void anRsaOaepKeyImportedFromTheCertificate_encryptsWhatTheJdkDecrypts(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");

        byte[] encrypted = bytesOf(browser.run("""
                const x = await load('x509.js');
                const key = await x.importRsaOaepEncrypt(x.parseCertificate(args[0]));
                return new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, new TextEncoder().encode('content key')));
                """, bytes(der(reviewer.certificate()))));

        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(
                Cipher.DECRYPT_MODE,
                reviewer.privateKey(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertThat(new String(oaep.doFinal(encrypted), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("content key");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"P-256", "P-384", "RSA-PSS"})
    void signaturesTheJdkMakes_verifyWithTheImportedKey_andEcdsaConvertsBothWays(String kind, ModuleBrowser browser)
            throws Exception {
        Identity signer = switch (kind) {
            case "P-256" -> TestPki.ec("Board");
            case "P-384" -> TestPki.ecP384("P384 Reviewer");
            default -> TestPki.rsa("Reviewer");
        };
        byte[] data = "signed attributes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature s;
        if (kind.equals("RSA-PSS")) {
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        } else {
            s = Signature.getInstance("SHA256withECDSA");
        }
        s.initSign(signer.privateKey());
        s.update(data);
        byte[] signature = s.sign();

        Object answer = browser.run("""
                const x = await load('x509.js');
                const [certificate, data, signature] = args;
                const c = x.parseCertificate(certificate);
                if (c.key.kind === 'RSA') {
                  const key = await x.importRsaPssVerify(c);
                  return { ok: await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, key, signature, data) };
                }
                const raw = x.ecdsaSignatureToRaw(signature, c.key.curve);
                const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await x.importEcdsaVerify(c), raw, data);
                const tampered = raw.slice(); tampered[3] ^= 1;
                const no = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await x.importEcdsaVerify(c), tampered, data);
                return { ok, no, back: x.ecdsaSignatureToDer(raw) };
                """, bytes(der(signer.certificate())), bytes(data), bytes(signature));

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer;
        assertThat(result.get("ok")).isEqualTo(true);
        if (!kind.equals("RSA-PSS")) {
            assertThat(result.get("no")).isEqualTo(false);
            assertThat(bytesOf(result.get("back"))).isEqualTo(signature);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"P-256", "P-384"})
    void anEcdhKeyImportedFromTheCertificate_agreesTheJdksSecret(String curve, ModuleBrowser browser) throws Exception {
        Identity board = curve.equals("P-256") ? TestPki.ec("Board") : TestPki.ecP384("P384 Reviewer");

        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.run("""
                const x = await load('x509.js');
                const c = x.parseCertificate(args[0]);
                const mine = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: c.key.curve }, false, ['deriveBits']);
                const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: await x.importEcdhPublic(c) }, mine.privateKey,
                  c.key.curve === 'P-256' ? 256 : 384);
                return { secret: new Uint8Array(secret), spki: new Uint8Array(await crypto.subtle.exportKey('spki', mine.publicKey)) };
                """, bytes(der(board.certificate())));

        PublicKey theirs =
                KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bytesOf(answer.get("spki"))));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(board.privateKey());
        ka.doPhase(theirs, true);
        assertThat(bytesOf(answer.get("secret"))).isEqualTo(ka.generateSecret());
    }

    // ---- helpers ----

    private static boolean issuedBy(ModuleBrowser browser, byte[] cert, byte[] ca) {
        return (Boolean) browser.run(
                "const x = await load('x509.js'); return x.issuedBy(x.parseCertificate(args[0]), x.parseCertificate(args[1]));",
                bytes(cert),
                bytes(ca));
    }

    private static List<String> usages(boolean[] bits) {
        String[] names = {
            "digitalSignature",
            "nonRepudiation",
            "keyEncipherment",
            "dataEncipherment",
            "keyAgreement",
            "keyCertSign",
            "cRLSign",
            "encipherOnly",
            "decipherOnly"
        };
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bits.length && i < names.length; i++) {
            if (bits[i]) {
                out.add(names[i]);
            }
        }
        return out;
    }

    /** A self-signed certificate for any key, signed as its kind signs, without the CA's key rules. */
    static byte[] selfSigned(String dn, KeyPair kp) {
        String algorithm = kp.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return certificate(dn, kp.getPublic(), dn, kp.getPrivate(), algorithm, null);
    }

    /** A certificate built with Bouncy Castle, valid from a minute ago for a day unless {@code notAfter} says otherwise. */
    static byte[] certificate(
            String subject, PublicKey key, String issuer, PrivateKey signer, String algorithm, Date notAfter) {
        try {
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(now),
                    new Date(now - 60_000),
                    notAfter != null ? notAfter : new Date(now + 86_400_000L),
                    new X500Name(subject),
                    key);
            return b.build(new JcaContentSignerBuilder(algorithm)
                            .setProvider("BC")
                            .build(signer))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
