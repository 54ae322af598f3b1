package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.server.config.ServerConfig;

/**
 * Opens this deployment's CA ({@code DATA_DIR/ca/ca.p12}) once, making it at first start. Its secret is
 * {@code CA_SECRET}; without one (the embedded default) a random secret is made and kept beside the
 * key store, owner-only, and the log says so: a production deployment should configure it.
 */
@ApplicationScoped
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

    private ServerConfig config;
    private volatile DeploymentCa ca;
    private volatile org.lscb.envelope.Identity gateway;

    protected CertificateAuthority() {
    }

    @Inject
    public CertificateAuthority(ServerConfig config) {
        this.config = config;
    }

    public DeploymentCa ca() {
        DeploymentCa c = ca;
        if (c == null) {
            synchronized (this) {
                if (ca == null) {
                    ca = open();
                }
                c = ca;
            }
        }
        return c;
    }

    /**
     * The key with which the server signs what it seals for browser uploads (it can sign, never open),
     * kept in {@code DATA_DIR/ca/gateway.p12} under the CA's secret and certified by the CA.
     */
    public synchronized org.lscb.envelope.Identity gateway() {
        if (gateway == null) {
            Path file = config.dataDir().resolve("ca").resolve("gateway.p12");
            char[] secret = config.caSecret().map(String::toCharArray).orElseGet(() -> keptSecret(file.resolveSibling("ca.secret")));
            try {
                if (!Files.exists(file)) {
                    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
                    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
                    java.security.KeyPair kp = g.generateKeyPair();
                    java.security.cert.X509Certificate c = ca().issueFor(kp.getPublic(),
                            DeploymentCa.subject("LSCB review exchange upload gateway", null, "gateway"), Instant.now());
                    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                    ks.load(null, null);
                    ks.setKeyEntry("gateway", kp.getPrivate(), secret, new java.security.cert.X509Certificate[] {c});
                    Path tmp = Files.createTempFile(file.getParent(), ".gateway-", ".tmp");
                    try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                        ks.store(out, secret);
                    }
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                gateway = org.lscb.envelope.Identity.fromPkcs12(file, secret);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the upload gateway key cannot be opened: " + e.getMessage(), e);
            }
        }
        return gateway;
    }

    /**
     * The secret that protects the deployment's own keys: {@code CA_SECRET}, or the one kept beside the CA
     * when it is not set. Other keys of the deployment (the wrapping key of TOTP secrets) are derived from it.
     */
    public char[] deploymentSecret() {
        Path dir = config.dataDir().resolve("ca");
        return config.caSecret().map(String::toCharArray).orElseGet(() -> keptSecret(dir.resolve("ca.secret")));
    }

    private DeploymentCa open() {
        Path dir = config.dataDir().resolve("ca");
        try {
            char[] secret = config.caSecret().map(String::toCharArray).orElseGet(() -> keptSecret(dir.resolve("ca.secret")));
            return DeploymentCa.openOrCreate(dir.resolve("ca.p12"), secret, "LSCB review exchange CA", Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the deployment CA cannot be opened: " + e.getMessage(), e);
        }
    }

    private static char[] keptSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data folder's own permissions apply
            }
            LOG.warning("CA_SECRET is not set: the deployment CA's key store is protected by a secret kept in " + file
                    + "; configure CA_SECRET for production");
            return secret.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
