package org.lscb.server.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.lscb.foundation.deployment.DeploymentKey;
import org.lscb.foundation.deployment.DeploymentKeys;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.DeploymentSecret;

/**
 * The deployment's own keys, kept in the database (table {@code deployment_key}) so that every server of one
 * database uses the same ones, each version wrapped by {@link DeploymentKeyWrap} under {@code CA_SECRET}.
 *
 * <p>The first server to start on an empty database makes each key; several starting at once are safe because a
 * version is the primary key: the servers that lose the race are refused the insert and read the winner's. A key
 * that does not unwrap stops the server with a sentence saying why; it never makes a new key over the old one
 * (docs/operations.md "CA_SECRET").
 */
@ApplicationScoped
public class DeploymentKeyVault {

    private static final Logger LOG = Logger.getLogger(DeploymentKeyVault.class.getName());

    /** The RSA keys that sign tokens and audit checkpoints, one JWK per version. */
    public static final String TOKEN_SIGNING = "token-signing";
    /** The deployment CA, a PKCS#12 key store locked with the deployment secret. */
    public static final String CA = "ca";
    /** The upload gateway's signing key and certificate, a PKCS#12 key store locked with the deployment secret. */
    public static final String GATEWAY = "gateway";

    /** How often a write that lost a race to another server is tried again after reading the winner's. */
    private static final int ATTEMPTS = 5;

    private Database database;
    private DeploymentSecret secret;
    private Clock clock;
    private volatile DeploymentKeyWrap wrap;

    protected DeploymentKeyVault() {}

    @Inject
    public DeploymentKeyVault(Database database, DeploymentSecret secret) {
        this(database, secret, Clock.systemUTC());
    }

    DeploymentKeyVault(Database database, DeploymentSecret secret, Clock clock) {
        this.database = database;
        this.secret = secret;
        this.clock = clock;
    }

    /** One version of a key, unwrapped. The bytes are the caller's to keep or clear. */
    public record Version(String name, int version, byte[] key, Instant createdAt, Optional<Instant> retiredAt) {}

    /** Every version of the named key, newest first; empty when there is none yet. */
    public List<Version> versions(String name) {
        List<DeploymentKey> rows = database.read(em -> new DeploymentKeys(em).versions(name));
        List<Version> out = new ArrayList<>(rows.size());
        for (DeploymentKey row : rows) {
            out.add(unwrap(row));
        }
        return out;
    }

    /** The newest version number of the named key, 0 when there is none; reads no key material. */
    public int newestVersion(String name) {
        return database.read(em -> new DeploymentKeys(em).newestVersion(name));
    }

    /**
     * Every version of the named key, newest first; when there is none, {@code first} makes version 1 (a new key,
     * or one imported from the data folder) and it is stored, unless another server stored its own first, which
     * is then answered instead.
     */
    public List<Version> versionsOrCreate(String name, Supplier<byte[]> first) {
        List<Version> existing = versions(name);
        if (!existing.isEmpty()) {
            return existing;
        }
        byte[] made = first.get();
        Instant now = clock.instant();
        try {
            database.inTransaction(em -> {
                new DeploymentKeys(em).add(new DeploymentKey(name, 1, wrap().wrap(name, 1, made), now));
                return null;
            });
            LOG.info(() -> "Stored the deployment's " + name + " key in the database");
        } catch (PersistenceException e) {
            LOG.info(() -> "Another server stored the deployment's " + name + " key first; using it");
        }
        List<Version> stored = versions(name);
        if (stored.isEmpty()) {
            throw new IllegalStateException("the deployment's " + name + " key could not be stored in the database");
        }
        return stored;
    }

    /**
     * Adds a version after the newest and retires the ones before it (they sign nothing new but may still be
     * checked). Two servers adding at once each get their own version.
     */
    public Version add(String name, byte[] key) {
        return add(name, key, em -> {});
    }

    /**
     * As {@link #add(String, byte[])}, with {@code alongside} (its audit entry) done in the same transaction, so
     * that the new version and its record are stored together or not at all.
     */
    public Version add(String name, byte[] key, Consumer<EntityManager> alongside) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            try {
                int version = database.inTransaction(em -> {
                    DeploymentKeys keys = new DeploymentKeys(em);
                    List<DeploymentKey> before = keys.versions(name);
                    int next = before.isEmpty() ? 1 : before.get(0).version() + 1;
                    before.forEach(k -> k.retire(now));
                    keys.add(new DeploymentKey(name, next, wrap().wrap(name, next, key), now));
                    alongside.accept(em);
                    return next;
                });
                return new Version(name, version, key.clone(), now, Optional.empty());
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException(
                            "cannot add a version of the " + name + " key: " + e.getMessage(), e);
                }
            }
        }
    }

    private Version unwrap(DeploymentKey row) {
        try {
            return new Version(
                    row.name(),
                    row.version(),
                    wrap().unwrap(row.name(), row.version(), row.wrapped()),
                    row.createdAt(),
                    row.retiredAt());
        } catch (DeploymentKeyWrap.UnwrapException e) {
            throw new IllegalStateException(
                    "The deployment's keys in the database cannot be unwrapped with this server's CA_SECRET ("
                            + e.getMessage() + "). Every server of one database needs the same CA_SECRET"
                            + " (docs/operations.md \"CA_SECRET\"); no key is made over the stored ones.",
                    e);
        }
    }

    private DeploymentKeyWrap wrap() {
        DeploymentKeyWrap w = wrap;
        if (w == null) {
            synchronized (this) {
                if (wrap == null) {
                    wrap = new DeploymentKeyWrap(secret.value());
                }
                w = wrap;
            }
        }
        return w;
    }
}
