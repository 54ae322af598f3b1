package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.envelope.Identity;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.server.config.DeploymentSecret;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.vault.DeploymentKeyVault;

/**
 * Opens this deployment's CA and upload gateway key once, from the database (through the
 * {@link DeploymentKeyVault}, so every server of one database has the same ones), making them at first start.
 * Each is a PKCS#12 key store locked with the {@link DeploymentSecret}, and wrapped under it again in the database.
 * A data folder made before the keys were in the database holds them in {@code DATA_DIR/ca/ca.p12} and
 * {@code gateway.p12}; when the database has none, those files are imported, so the certificates issued and the
 * CA clients pinned stay valid. The files are read for nothing else.
 */
@ApplicationScoped
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());
    private static final String GATEWAY_ALIAS = "gateway";

    private ServerConfig config;
    private DeploymentSecret secret;
    private DeploymentKeyVault vault;
    private volatile DeploymentCa ca;
    /** The gateway key's versions as this server last read them. */
    private volatile Gateways gateways;
    /** When this server last compared its gateway version with the database's ({@link System#nanoTime()}). */
    private volatile long gatewayCheckedAt;

    /** How often a server asks whether another has renewed the gateway key: one small read at most this often. */
    static final Duration GATEWAY_CHECK = Duration.ofSeconds(5);

    /** The newest gateway key, which signs, and the certificates of every version, which the server answers for. */
    private record Gateways(int version, Identity current, Map<String, GatewayCertificate> bySerial) {}

    /**
     * One version's certificate and, for every version but the newest, when a renewal retired it: it signs nothing
     * new, and what it signed before stays checkable. Retired is not revoked.
     */
    public record GatewayCertificate(X509Certificate certificate, Optional<Instant> retiredAt) {}

    protected CertificateAuthority() {}

    @Inject
    public CertificateAuthority(ServerConfig config, DeploymentSecret secret, DeploymentKeyVault vault) {
        this.config = config;
        this.secret = secret;
        this.vault = vault;
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
     * The key with which the server signs what it seals for browser uploads (it can sign, never open), certified by
     * the CA: the newest version of {@value DeploymentKeyVault#GATEWAY}. A version another server added is taken up
     * within {@link #GATEWAY_CHECK}, so a renewal needs no restart of the others.
     */
    public Identity gateway() {
        return gateways().current();
    }

    /**
     * The certificate of any version of the gateway key, by its serial number in hexadecimal: what an earlier version
     * signed keeps a signer whose status a reader can ask for (docs/api.md "Keys and certificates").
     */
    public Optional<GatewayCertificate> gatewayCertificate(String serialHex) {
        return Optional.ofNullable(gateways().bySerial().get(serialHex));
    }

    /**
     * Makes a new gateway key, certified by the CA, for every server of the database; this server signs with it at
     * once, the others within {@link #GATEWAY_CHECK}. What the old key signed stays verifiable: its certificate is the
     * CA's, and its status is still answered, as retired. {@code alongside} is given the transaction that stores it and the new
     * certificate (for its audit entry).
     */
    public synchronized Identity renewGateway(
            java.util.function.BiConsumer<jakarta.persistence.EntityManager, X509Certificate> alongside) {
        byte[] p12 = newGateway();
        Identity renewed = gatewayFrom(p12);
        vault.add(DeploymentKeyVault.GATEWAY, p12, em -> alongside.accept(em, renewed.certificate()));
        gateways = readGateways();
        gatewayCheckedAt = System.nanoTime();
        return renewed;
    }

    private Gateways gateways() {
        Gateways held = gateways;
        if (held != null && System.nanoTime() - gatewayCheckedAt < GATEWAY_CHECK.toNanos()) {
            return held;
        }
        synchronized (this) {
            held = gateways;
            if (held != null && System.nanoTime() - gatewayCheckedAt < GATEWAY_CHECK.toNanos()) {
                return held;
            }
            if (held == null) {
                held = readGateways();
            } else {
                try {
                    if (vault.newestVersion(DeploymentKeyVault.GATEWAY) != held.version()) {
                        held = readGateways();
                    }
                } catch (RuntimeException e) {
                    // the keys held are good; the next check after GATEWAY_CHECK asks again
                    LOG.log(Level.WARNING, e, () -> "could not check for a renewed gateway key; using the one held");
                }
            }
            gateways = held;
            gatewayCheckedAt = System.nanoTime();
            return held;
        }
    }

    private Gateways readGateways() {
        List<DeploymentKeyVault.Version> versions =
                vault.versionsOrCreate(DeploymentKeyVault.GATEWAY, this::firstGateway);
        Identity current = null;
        Map<String, GatewayCertificate> bySerial = new HashMap<>();
        for (DeploymentKeyVault.Version v : versions) {
            Identity opened = gatewayFrom(v.key());
            java.util.Arrays.fill(v.key(), (byte) 0);
            if (current == null) {
                current = opened; // the newest: the only private key kept
            }
            bySerial.put(
                    opened.certificate().getSerialNumber().toString(16),
                    new GatewayCertificate(opened.certificate(), v.retiredAt()));
        }
        return new Gateways(versions.get(0).version(), current, Map.copyOf(bySerial));
    }

    private DeploymentCa open() {
        char[] s = secret.value();
        try {
            byte[] p12 = vault.versionsOrCreate(DeploymentKeyVault.CA, this::firstCa)
                    .get(0)
                    .key();
            return DeploymentCa.fromPkcs12(p12, s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the deployment CA cannot be opened: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(s, '\0');
        }
    }

    private byte[] firstCa() {
        Path file = config.dataDir().resolve("ca").resolve("ca.p12");
        char[] s = secret.value();
        try {
            if (Files.exists(file)) {
                byte[] p12 = Files.readAllBytes(file);
                DeploymentCa.fromPkcs12(p12, s); // refuse a file this secret cannot open before storing it
                LOG.info(() ->
                        "Imported the deployment CA of " + file + " into the database; the file is no longer read");
                return p12;
            }
            return DeploymentCa.createPkcs12(s, "LSCB review exchange CA", Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the deployment CA cannot be opened: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(s, '\0');
        }
    }

    private byte[] firstGateway() {
        Path file = config.dataDir().resolve("ca").resolve("gateway.p12");
        if (Files.exists(file)) {
            try {
                byte[] p12 = Files.readAllBytes(file);
                gatewayFrom(p12); // refuse a file this secret cannot open before storing it
                LOG.info(() -> "Imported the upload gateway key of " + file + " into the database; the file is"
                        + " no longer read");
                return p12;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newGateway();
    }

    private byte[] newGateway() {
        char[] s = secret.value();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X509Certificate c = ca().issueFor(
                            kp.getPublic(),
                            DeploymentCa.subject("LSCB review exchange upload gateway", null, "gateway"),
                            Instant.now());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(GATEWAY_ALIAS, kp.getPrivate(), s, new X509Certificate[] {c});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, s);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the upload gateway key: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(s, '\0');
        }
    }

    private Identity gatewayFrom(byte[] p12) {
        char[] s = secret.value();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(p12), s);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return Identity.of((PrivateKey) ks.getKey(alias, s), (X509Certificate) ks.getCertificate(alias));
                }
            }
            throw new IllegalStateException("the upload gateway key store holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the upload gateway key cannot be opened: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(s, '\0');
        }
    }
}
