package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.logging.Logger;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.server.config.DeploymentSecret;
import org.lscb.server.config.ServerConfig;

/**
 * Opens this deployment's CA ({@code DATA_DIR/ca/ca.p12}) once, making it at first start, locked with the
 * {@link DeploymentSecret}.
 */
@ApplicationScoped
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

    private ServerConfig config;
    private DeploymentSecret secret;
    private volatile DeploymentCa ca;
    private volatile org.lscb.envelope.Identity gateway;

    protected CertificateAuthority() {}

    @Inject
    public CertificateAuthority(ServerConfig config, DeploymentSecret secret) {
        this.config = config;
        this.secret = secret;
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
            char[] secret = this.secret.value();
            try {
                if (!Files.exists(file)) {
                    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
                    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
                    java.security.KeyPair kp = g.generateKeyPair();
                    java.security.cert.X509Certificate c = ca().issueFor(
                                    kp.getPublic(),
                                    DeploymentCa.subject("LSCB review exchange upload gateway", null, "gateway"),
                                    Instant.now());
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

    private DeploymentCa open() {
        Path dir = config.dataDir().resolve("ca");
        try {
            char[] secret = this.secret.value();
            return DeploymentCa.openOrCreate(dir.resolve("ca.p12"), secret, "LSCB review exchange CA", Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the deployment CA cannot be opened: " + e.getMessage(), e);
        }
    }
}
