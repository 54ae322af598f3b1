package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.server.web.crypto.ModuleBrowser.bytes;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesOf;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.server.Openssl;

/**
 * pkcs10.js: a key pair made in the browser and its certificate request are certified by the deployment CA's
 * own check (what {@code POST /api/v1/keys/enrol} runs) and verified by {@code openssl req}; keys Java makes
 * import as the WebCrypto keys that sign and open envelopes; keys outside the profile are refused.
 */
@ExtendWith(ModuleBrowser.class)
class Pkcs10ModuleTest {

    @TempDir
    static Path dir;

    private static DeploymentCa ca;

    @BeforeAll
    static void theDeploymentCa() throws Exception {
        ca = DeploymentCa.openOrCreate(dir.resolve("ca.p12"), "ca secret".toCharArray(), "Test CA", Instant.now());
    }

    @ParameterizedTest(name = "{0} key, request signed with its {1} key ({2})")
    @CsvSource({
        "RSA, signPkcs1, 1.2.840.113549.1.1.11",
        "RSA, sign, 1.2.840.113549.1.1.10",
        "EC, sign, 1.2.840.10045.4.3.2"
    })
    void a_request_made_in_the_browser_is_certified_by_the_deployment_ca_and_verified_by_openssl(
            String kind, String signer, String signatureOid, ModuleBrowser browser) throws Exception {
        Map<?, ?> made = (Map<?, ?>) browser.run("""
                const m = await load('pkcs10.js');
                const pair = await m.generateKeyPair(args[0]);
                const keys = await m.importPrivateKey(pair.pkcs8);
                const csr = await m.certificationRequest({ publicKey: pair.spki, privateKey: keys[args[1]] });
                return { ...pair, csr };
                """, kind, signer);
        String csr = (String) made.get("csr");
        byte[] spki = bytesOf(made.get("spki"));

        PKCS10CertificationRequest request;
        try (PEMParser p = new PEMParser(new java.io.StringReader(csr))) {
            request = (PKCS10CertificationRequest) p.readObject();
        }
        assertThat(request.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo(signatureOid);
        assertThat(request.getSubject().toString()).isEqualTo("CN=enrolment");
        X509Certificate certificate =
                ca.issue(csr, DeploymentCa.subject("Browser Person", "Northmere LSCB", "acc-42"), Instant.now());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(spki);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(kind);
        assertThat(KeyFixtures.privateKey(bytesOf(made.get("pkcs8")), kind)).isNotNull();

        Path file = KeyFixtures.write(dir, kind + "-" + signer + ".csr", csr);
        assertThat(Openssl.ok("req", "-verify", "-noout", "-in", file.toString()))
                .contains("verify OK");

        // the certificate the CA made is the key's; another key's certificate is not
        Object imported =
                browser.call("pkcs10.js", "importPrivateKey", made.get("pkcs8"), bytes(certificate.getEncoded()));
        assertThat(((Map<?, ?>) imported).get("kind")).isEqualTo(kind);
        X509Certificate other = KeyFixtures.selfSigned(KeyFixtures.pair(kind), "Someone Else");
        assertThatThrownBy(() ->
                        browser.call("pkcs10.js", "importPrivateKey", made.get("pkcs8"), bytes(other.getEncoded())))
                .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                    assertThat(e.name()).isEqualTo("KeyError");
                    assertThat(e.text()).isEqualTo("The certificate is not for this key.");
                });
    }

    /**
     * A Java key (Java's EC PKCS#8 leaves out the public key) imports as keys that work with Java: its
     * signatures verify, RSA-OAEP/SHA-256 opens what Java encrypts, ECDH agrees with Java's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "EC-384"})
    void a_java_key_imports_as_webcrypto_keys_that_sign_and_open(String kind, ModuleBrowser browser) throws Exception {
        KeyPair pair = KeyFixtures.pair(kind);
        X509Certificate certificate = KeyFixtures.selfSigned(pair, "Java Person");
        byte[] secret = "a content-encryption key, 32 b.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sealed = null;
        KeyPair peer = null;
        if (kind.equals("RSA")) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(
                    Cipher.ENCRYPT_MODE,
                    pair.getPublic(),
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            sealed = oaep.doFinal(secret);
        } else {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(((java.security.interfaces.ECPublicKey) pair.getPublic()).getParams());
            peer = g.generateKeyPair();
        }
        Map<?, ?> used = (Map<?, ?>) browser.run(
                """
                const keys = await (await load('pkcs10.js')).importPrivateKey(args[0], args[1]);
                const data = crypto.getRandomValues(new Uint8Array(100));
                const sign = (algorithm, key) => crypto.subtle.sign(algorithm, key, data).then((s) => new Uint8Array(s));
                if (keys.kind === 'RSA') {
                  return { ...keys, data,
                    signature: await sign({ name: 'RSA-PSS', saltLength: 32 }, keys.sign),
                    pkcs1: await sign({ name: 'RSASSA-PKCS1-v1_5' }, keys.signPkcs1),
                    opened: new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, keys.decrypt, args[2])) };
                }
                const peer = await crypto.subtle.importKey('spki', args[3], { name: 'ECDH', namedCurve: keys.curve }, false, []);
                return { ...keys, data,
                  signature: await sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.sign),
                  agreed: new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, keys.decrypt, keys.curve === 'P-256' ? 256 : 384)) };
                """,
                bytes(pair.getPrivate().getEncoded()),
                bytes(certificate.getEncoded()),
                bytes(sealed == null ? new byte[0] : sealed),
                bytes(peer == null ? new byte[0] : peer.getPublic().getEncoded()));

        byte[] data = bytesOf(used.get("data"));
        assertThat(KeyFixtures.verifies(pair.getPublic(), data, bytesOf(used.get("signature"))))
                .isTrue();
        assertThat(((Map<?, ?>) used.get("sign")).get("$key")).isNotNull();
        if (kind.equals("RSA")) {
            assertThat(used.get("bits")).isEqualTo(3072L);
            Signature pkcs1 = Signature.getInstance("SHA256withRSA");
            pkcs1.initVerify(pair.getPublic());
            pkcs1.update(data);
            assertThat(pkcs1.verify(bytesOf(used.get("pkcs1")))).isTrue();
            assertThat(bytesOf(used.get("opened"))).isEqualTo(secret);
        } else {
            assertThat(used.get("curve")).isEqualTo(kind.equals("EC") ? "P-256" : "P-384");
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(peer.getPrivate());
            ecdh.doPhase(pair.getPublic(), true);
            assertThat(bytesOf(used.get("agreed"))).isEqualTo(ecdh.generateSecret());
        }
    }

    /** Keys outside envelope's KeyRules, and bytes that are no key, each with the KeyError's words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RSA-2048 | RSA keys must have at least 3072 bits, not 2048",
                "EC-secp521r1 | EC keys must be on P-256 or P-384",
                "Ed25519 | Keys must be RSA (3072 bits or more) or EC (P-256 or P-384), not 1.3.101.112",
                "not a key | This is not a PKCS#8 private key",
            })
    void a_key_outside_the_profile_is_refused(String kind, String words, ModuleBrowser browser) throws Exception {
        byte[] pkcs8 = switch (kind) {
            case "Ed25519" ->
                KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded();
            case "not a key" -> "not a key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            default -> KeyFixtures.pair(kind).getPrivate().getEncoded();
        };
        assertThatThrownBy(() -> browser.call("pkcs10.js", "importPrivateKey", bytes(pkcs8)))
                .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                    assertThat(e.name()).isEqualTo("KeyError");
                    assertThat(e.text()).startsWith(words);
                });
    }
}
