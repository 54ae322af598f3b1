package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lscb.server.Openssl.ok;
import static org.lscb.server.web.crypto.KeyFixtures.assertSameKey;
import static org.lscb.server.web.crypto.ModuleBrowser.bytes;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesOf;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.client.Main;
import org.lscb.envelope.Identity;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.server.Openssl;

/**
 * pkcs12.js reads the key files that `lscb keygen` (Java 17's KeyStore) and `openssl pkcs12 -export` write,
 * and what it writes Java's KeyStore, the client's Identity and openssl read, with the same key and
 * certificates. Every file it cannot use ends in a Pkcs12Error that says why.
 */
@ExtendWith(ModuleBrowser.class)
class Pkcs12ModuleTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    /** Imports a file in the browser and signs a challenge with the key, for Java to verify. */
    private static final String IMPORT_AND_SIGN = """
            const file = await (await load('pkcs12.js')).importPkcs12(args[0], args[1]);
            const keys = await (await load('pkcs10.js')).importPrivateKey(file.privateKey, file.certificate);
            const data = crypto.getRandomValues(new Uint8Array(64));
            const algorithm = keys.kind === 'RSA' ? { name: 'RSA-PSS', saltLength: 32 } : { name: 'ECDSA', hash: 'SHA-256' };
            return { ...file, data, signature: new Uint8Array(await crypto.subtle.sign(algorithm, keys.sign, data)) };
            """;

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ec"})
    void the_key_file_lscb_keygen_writes_is_read_with_its_key_and_certificate(String type, ModuleBrowser browser)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("client-" + type));
        Path file = folder.resolve("key.p12");
        Path password = Files.writeString(folder.resolve("key-password"), PASSWORD);
        StringWriter err = new StringWriter();
        int status = Main.run(
                new String[] {
                    "--config",
                    folder.toString(),
                    "--quiet",
                    "keygen",
                    "--type",
                    type,
                    "--key",
                    file.toString(),
                    "--key-password-file",
                    password.toString()
                },
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isZero();
        KeyStore java = load(file, PASSWORD);

        Map<?, ?> read = (Map<?, ?>) browser.run(IMPORT_AND_SIGN, bytes(Files.readAllBytes(file)), PASSWORD);

        PrivateKey key = (PrivateKey) java.getKey("lscb", PASSWORD.toCharArray());
        Certificate certificate = java.getCertificate("lscb");
        assertThat(bytesOf(read.get("privateKey"))).isEqualTo(key.getEncoded());
        assertThat(bytesOf(read.get("certificate"))).isEqualTo(certificate.getEncoded());
        assertThat((List<?>) read.get("chain")).isEmpty();
        assertThat(KeyFixtures.verifies(
                        certificate.getPublicKey(), bytesOf(read.get("data")), bytesOf(read.get("signature"))))
                .isTrue();
    }

    /**
     * OpenSSL 3's defaults (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, a SHA-256 MAC) and its AES-128 with a
     * SHA-1 MAC; the leaf certificate comes first and its CA as the chain.
     */
    @ParameterizedTest
    @CsvSource({"ec:P-256, ''", "rsa:3072, -keypbe AES-128-CBC -certpbe AES-128-CBC -macalg sha1"})
    void a_file_openssl_pkcs12_export_writes_is_read_with_its_chain(String key, String options, ModuleBrowser browser)
            throws Exception {
        assumeOpenssl();
        Path d = Files.createDirectories(dir.resolve("openssl-" + key.replace(':', '-')));
        String ca = d.resolve("ca.pem").toString();
        String caKey = d.resolve("ca.key").toString();
        String leaf = d.resolve("leaf.pem").toString();
        String leafKey = d.resolve("leaf.key").toString();
        String csr = d.resolve("leaf.csr").toString();
        String p12 = d.resolve("leaf.p12").toString();
        ok(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-384",
                "-nodes",
                "-keyout",
                caKey,
                "-out",
                ca,
                "-subj",
                "/CN=Openssl Test CA",
                "-days",
                "2");
        String[] newKey = key.startsWith("ec")
                ? new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + key.substring(3)}
                : new String[] {"-newkey", key};
        ok(concat(new String[] {"req"}, newKey, new String[] {
            "-nodes", "-keyout", leafKey, "-out", csr, "-subj", "/CN=Openssl Leaf"
        }));
        ok("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-set_serial", "7", "-days", "2", "-out", leaf);
        ok(concat(
                new String[] {
                    "pkcs12",
                    "-export",
                    "-inkey",
                    leafKey,
                    "-in",
                    leaf,
                    "-certfile",
                    ca,
                    "-name",
                    "leaf",
                    "-passout",
                    "pass:" + PASSWORD,
                    "-out",
                    p12
                },
                options.isBlank() ? new String[0] : options.split(" ")));

        Map<?, ?> read = (Map<?, ?>) browser.run(IMPORT_AND_SIGN, bytes(Files.readAllBytes(Path.of(p12))), PASSWORD);

        KeyStore java = load(Path.of(p12), PASSWORD);
        PrivateKey javaKey = (PrivateKey) java.getKey("leaf", PASSWORD.toCharArray());
        assertSameKey(KeyFixtures.privateKey(bytesOf(read.get("privateKey")), javaKey.getAlgorithm()), javaKey);
        byte[] leafDer = KeyFixtures.fromPem(Files.readString(Path.of(leaf)), "CERTIFICATE")
                .get(0);
        byte[] caDer = KeyFixtures.fromPem(Files.readString(Path.of(ca)), "CERTIFICATE")
                .get(0);
        assertThat(bytesOf(read.get("certificate"))).isEqualTo(leafDer);
        List<?> chain = (List<?>) read.get("chain");
        assertThat(chain).hasSize(1);
        assertThat(bytesOf(chain.get(0))).isEqualTo(caDer);
        assertThat(KeyFixtures.verifies(
                        KeyFixtures.certificate(leafDer).getPublicKey(),
                        bytesOf(read.get("data")),
                        bytesOf(read.get("signature"))))
                .isTrue();
    }

    /**
     * The browser's file, for a key certified by the deployment CA with the CA as its chain: Java's KeyStore
     * and the client's Identity load it with the password, openssl reads it and reports the parameters, and
     * the browser reads it back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void java_the_client_and_openssl_read_the_file_the_browser_writes(String kind, ModuleBrowser browser)
            throws Exception {
        KeyPair pair = KeyFixtures.pair(kind);
        DeploymentCa ca = DeploymentCa.openOrCreate(
                dir.resolve("ca-" + kind + ".p12"), "ca secret".toCharArray(), "Test CA", Instant.now());
        X509Certificate certificate = ca.issueFor(
                pair.getPublic(), DeploymentCa.subject("Export Person", "Northmere LSCB", "acc-1"), Instant.now());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("privateKey", bytes(pair.getPrivate().getEncoded()));
        input.put("certificate", bytes(certificate.getEncoded()));
        input.put("chain", ModuleBrowser.bytesList(List.of(ca.certificate().getEncoded())));
        input.put("password", PASSWORD);
        Path file = dir.resolve("browser-" + kind + ".p12");
        Files.write(file, bytesOf(browser.call("pkcs12.js", "exportPkcs12", input)));

        KeyStore java = load(file, PASSWORD);
        assertThat(java.isKeyEntry("lscb")).isTrue();
        assertSameKey((PrivateKey) java.getKey("lscb", PASSWORD.toCharArray()), pair.getPrivate());
        assertThat(java.getCertificateChain("lscb")).containsExactly(certificate, ca.certificate());
        Identity identity = Identity.fromPkcs12(file, PASSWORD.toCharArray());
        assertSameKey(identity.privateKey(), pair.getPrivate());
        assertThat(identity.certificate()).isEqualTo(certificate);

        if (Openssl.isInstalled()) {
            String info = ok("pkcs12", "-info", "-nodes", "-passin", "pass:" + PASSWORD, "-in", file.toString());
            assertThat(info)
                    .contains("MAC: sha256, Iteration 600000")
                    .contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256")
                    .contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256")
                    .contains("friendlyName: lscb");
            assertSameKey(
                    KeyFixtures.privateKey(
                            KeyFixtures.fromPem(info, "PRIVATE KEY").get(0), kind),
                    pair.getPrivate());
            assertThat(KeyFixtures.fromPem(info, "CERTIFICATE"))
                    .containsExactly(certificate.getEncoded(), ca.certificate().getEncoded());
        }

        Map<?, ?> back =
                (Map<?, ?>) browser.call("pkcs12.js", "importPkcs12", bytes(Files.readAllBytes(file)), PASSWORD);
        assertThat(bytesOf(back.get("privateKey"))).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(bytesOf(back.get("certificate"))).isEqualTo(certificate.getEncoded());
        assertThat(bytesOf(((List<?>) back.get("chain")).get(0)))
                .isEqualTo(ca.certificate().getEncoded());
    }

    /** Each file the browser must refuse, and the words of its Pkcs12Error. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong password | The password is not right for this key file",
                "one MAC byte flipped | The password is not right for this key file",
                "a certificate, not a key file | This file is not a PKCS#12 key file",
                "MAC iterations of two thousand million | the browser refuses more than 10,000,000",
                "legacy 3DES encryption | which browsers cannot decrypt. Convert it with the keytool of Java 17",
                "no MAC | has no password MAC",
            })
    void a_file_the_browser_cannot_use_is_refused_with_a_sentence(String refusal, String words, ModuleBrowser browser)
            throws Exception {
        byte[] good = javaKeyFile();
        String password = PASSWORD;
        byte[] file = switch (refusal) {
            case "wrong password" -> {
                password = "Correct horse battery";
                yield good;
            }
            case "one MAC byte flipped" ->
                withMac(good, mac -> {
                    byte[] flipped = mac.getMac().getDigest().clone();
                    flipped[5] ^= 0x01;
                    return new MacData(
                            new DigestInfo(mac.getMac().getAlgorithmId(), flipped),
                            mac.getSalt(),
                            mac.getIterationCount().intValueExact());
                });
            case "a certificate, not a key file" ->
                KeyFixtures.selfSigned(KeyFixtures.pair("EC"), "x").getEncoded();
            case "MAC iterations of two thousand million" ->
                withMac(good, mac -> new MacData(mac.getMac(), mac.getSalt(), 2_000_000_000));
            case "legacy 3DES encryption" ->
                opensslFile("legacy", "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1");
            case "no MAC" -> opensslFile("nomac", "-nomac");
            default -> throw new IllegalArgumentException(refusal);
        };
        String pw = password;
        assertThatThrownBy(() -> browser.call("pkcs12.js", "importPkcs12", bytes(file), pw))
                .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                    assertThat(e.name()).isEqualTo("Pkcs12Error");
                    assertThat(e.text()).contains(words);
                });
    }

    @Test
    void every_truncation_of_a_key_file_is_refused_as_not_a_key_file(ModuleBrowser browser) throws Exception {
        byte[] good = javaKeyFile();
        Object refused = browser.run("""
                const p = await load('pkcs12.js');
                const refusals = new Set();
                for (let n = 0; n < args[0].length; n++) {
                  try {
                    await p.importPkcs12(args[0].subarray(0, n), args[1]);
                    refusals.add('read ' + n + ' bytes');
                  } catch (e) {
                    refusals.add(e.name + ': ' + e.message.split(':')[0]);
                  }
                }
                return [...refusals];
                """, bytes(good), PASSWORD);
        assertThat(refused).isEqualTo(List.of("Pkcs12Error: This file is not a PKCS#12 key file (.p12 or .pfx)"));
    }

    private static byte[] javaKeyFile() throws Exception {
        Path file = dir.resolve("java-ec.p12");
        if (!Files.exists(file)) {
            KeyPair pair = KeyFixtures.pair("EC");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("lscb", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {
                KeyFixtures.selfSigned(pair, "Java")
            });
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, PASSWORD.toCharArray());
            }
        }
        return Files.readAllBytes(file);
    }

    /** The file with its MacData replaced, the rest as it was. */
    private static byte[] withMac(byte[] file, java.util.function.UnaryOperator<MacData> change) throws Exception {
        Pfx pfx = Pfx.getInstance(file);
        return new Pfx(pfx.getAuthSafe(), change.apply(pfx.getMacData())).getEncoded(ASN1Encoding.DER);
    }

    /** A file `openssl pkcs12 -export` writes with the options, for the Java key file's key and certificate. */
    private static byte[] opensslFile(String name, String... options) throws Exception {
        assumeOpenssl();
        KeyStore java = load(dir.resolve("java-ec.p12"), PASSWORD);
        PrivateKey key = (PrivateKey) java.getKey("lscb", PASSWORD.toCharArray());
        Path keyPem = KeyFixtures.write(dir, name + ".key", KeyFixtures.pem("PRIVATE KEY", key.getEncoded()));
        Path certPem = KeyFixtures.write(
                dir,
                name + ".pem",
                KeyFixtures.pem("CERTIFICATE", java.getCertificate("lscb").getEncoded()));
        Path out = dir.resolve(name + ".p12");
        ok(concat(
                new String[] {
                    "pkcs12",
                    "-export",
                    "-inkey",
                    keyPem.toString(),
                    "-in",
                    certPem.toString(),
                    "-passout",
                    "pass:" + PASSWORD,
                    "-out",
                    out.toString()
                },
                options));
        return Files.readAllBytes(out);
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    private static void assumeOpenssl() {
        assumeTrue(Openssl.isInstalled(), "openssl is not installed");
    }
}
