package org.lscb.server.web.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lscb.envelope.Identity;
import org.lscb.exchange.pki.DeploymentCa;

/**
 * Keys and certificates for the crypto module tests, issued by real {@link DeploymentCa}s (EC P-384, SHA-384,
 * as the deployment's), cached per name because RSA key generation is slow; the same keys imported into the
 * module browser as WebCrypto keys; and PEM files of them for {@code openssl}.
 */
final class TestPki {

    static final Path DIR = tempDir();
    private static final ConcurrentHashMap<String, Identity> IDENTITIES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, DeploymentCa> CAS = new ConcurrentHashMap<>();
    /** Names whose keys the shared module browser already holds in {@code kept}. */
    private static final Set<String> IN_BROWSER = ConcurrentHashMap.newKeySet();

    private TestPki() {}

    /** The deployment CA the tests trust. */
    static DeploymentCa ca() {
        return ca("Test Deployment CA");
    }

    static DeploymentCa ca(String name) {
        return CAS.computeIfAbsent(name, n -> {
            try {
                return DeploymentCa.openOrCreate(
                        DIR.resolve(n.replace(' ', '-') + ".p12"), "secret".toCharArray(), n, Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An RSA 3072 identity issued now by the test CA. */
    static Identity rsa(String name) {
        return IDENTITIES.computeIfAbsent(name, n -> issued(ca(), generate("RSA", 3072), n, Instant.now()));
    }

    /** An EC P-256 identity issued now by the test CA. */
    static Identity ec(String name) {
        return IDENTITIES.computeIfAbsent(name, n -> issued(ca(), generate("EC", 256), n, Instant.now()));
    }

    /** An EC P-384 identity issued now by the test CA. */
    static Identity ecP384(String name) {
        return IDENTITIES.computeIfAbsent(name, n -> issued(ca(), generate("EC", 384), n, Instant.now()));
    }

    /** An EC P-256 identity issued by {@code ca} at {@code at} (its certificate runs for two years from then). */
    static Identity ecIssuedBy(DeploymentCa ca, String name, Instant at) {
        return IDENTITIES.computeIfAbsent(name, n -> issued(ca, generate("EC", 256), n, at));
    }

    static Identity issued(DeploymentCa ca, KeyPair kp, String name, Instant at) {
        X509Certificate c = ca.issueFor(kp.getPublic(), DeploymentCa.subject(name, "Test Agency", "id-" + name), at);
        return Identity.of(kp.getPrivate(), c);
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

    /** The certificate's subject common name, the name the identity's keys have in the browser. */
    static String name(Identity id) {
        String dn = id.certificate().getSubjectX500Principal().getName();
        return dn.substring(dn.indexOf("CN=") + 3).split(",")[0];
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Imports the identity's private key into the browser page twice, as WebCrypto allows one algorithm per key:
     * {@code kept["pki:" + name].sign} (RSA-PSS with SHA-256, or ECDSA) and {@code kept["pki:" + name].decrypt} (RSA-OAEP with
     * SHA-256, or ECDH), neither extractable; answers that name of the keys in {@code kept}.
     */
    static String inBrowser(ModuleBrowser browser, Identity id) {
        String name = "pki:" + name(id); // apart from what other tests keep
        if (!IN_BROWSER.contains(name)) {
            browser.run(
                    """
                    const [name, pkcs8, rsa, curve] = args;
                    const imp = (alg, usages) => crypto.subtle.importKey('pkcs8', pkcs8, alg, false, usages);
                    kept[name] = rsa
                      ? { sign: await imp({ name: 'RSA-PSS', hash: 'SHA-256' }, ['sign']),
                          decrypt: await imp({ name: 'RSA-OAEP', hash: 'SHA-256' }, ['decrypt']) }
                      : { sign: await imp({ name: 'ECDSA', namedCurve: curve }, ['sign']),
                          decrypt: await imp({ name: 'ECDH', namedCurve: curve }, ['deriveBits']) };
                    """,
                    name,
                    ModuleBrowser.bytes(id.privateKey().getEncoded()),
                    id.privateKey().getAlgorithm().equals("RSA"),
                    curve(id));
            IN_BROWSER.add(name);
        }
        return name;
    }

    /** The WebCrypto name of an EC identity's curve; empty for RSA (the harness takes no null arguments). */
    private static String curve(Identity id) {
        if (!(id.certificate().getPublicKey() instanceof java.security.interfaces.ECPublicKey ec)) {
            return "";
        }
        return ec.getParams().getCurve().getField().getFieldSize() == 384 ? "P-384" : "P-256";
    }

    static Path pem(X509Certificate c) {
        return write("cert-" + c.getSerialNumber().toString(16) + ".pem", "CERTIFICATE", der(c));
    }

    static Path keyPem(Identity id) {
        return write(
                "key-" + id.certificate().getSerialNumber().toString(16) + ".pem",
                "PRIVATE KEY",
                id.privateKey().getEncoded());
    }

    static Path file(String name, byte[] bytes) {
        try {
            return Files.write(DIR.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String label, byte[] der) {
        String text = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
        return file(name, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** How long before now an expired certificate was issued: longer than a certificate runs. */
    static Instant longAgo() {
        return Instant.now().minus(DeploymentCa.CERTIFICATE_VALIDITY).minus(Duration.ofDays(30));
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("lscb-web-crypto");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
