package org.lscb.server.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.vault.DeploymentKeyVault;

/**
 * The token signing keys of the deployment, shared by every server of one database through the
 * {@link DeploymentKeyVault} (key {@value DeploymentKeyVault#TOKEN_SIGNING}): each version is a JWK set, the first
 * key of the newest version signs, and every key of a version that is current or was retired less than a token's
 * lifetime ago is published so that tokens it signed still verify.
 *
 * <p>A data folder of a deployment made before the keys were in the database holds them in
 * {@code DATA_DIR/keys/token-signing.jwks}; when the database has none, that file becomes version 1, so tokens
 * already issued stay valid. The file is read for nothing else.
 *
 * <p>{@link #rotate()} adds a version. Another server learns of it when it meets a token signed by a key it does
 * not know ({@link #refreshFor}), re-reading the database at most once every {@link #REFRESH_INTERVAL}, so no
 * server needs a restart.
 */
@ApplicationScoped
public class TokenSigningKeys {

    private static final Logger LOG = Logger.getLogger(TokenSigningKeys.class.getName());

    /** The least time between two reads of the database for an unknown key id: a flood of forged ids costs one read. */
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);
    /** Added to a token's lifetime: a retired key stays published that much longer, for clocks that differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private DeploymentKeyVault vault;
    private ServerConfig config;
    private Clock clock;
    private volatile SigningKeys keys;
    private volatile Instant lastRead = Instant.MIN;

    protected TokenSigningKeys() {}

    @Inject
    public TokenSigningKeys(DeploymentKeyVault vault, ServerConfig config) {
        this.vault = vault;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** The keys as last read, read (and at first start made or imported) on first use. */
    public SigningKeys keys() {
        SigningKeys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    read();
                }
                k = keys;
            }
        }
        return k;
    }

    /**
     * Makes a new signing key for every server of the database; the keys before it stay published for a while.
     * {@code alongside} is given the transaction that stores it and the new key's id (for its audit entry).
     */
    public synchronized RotatedKey rotate(
            java.util.function.BiConsumer<jakarta.persistence.EntityManager, String> alongside) {
        Instant now = clock.instant();
        RSAKey key = SigningKeys.generate(now);
        DeploymentKeyVault.Version added = vault.add(
                DeploymentKeyVault.TOKEN_SIGNING,
                new JWKSet(key).toString(false).getBytes(StandardCharsets.UTF_8),
                em -> alongside.accept(em, key.getKeyID()));
        read();
        return new RotatedKey(key.getKeyID(), added.version(), now);
    }

    /** A new signing key: its id ({@code kid}), its version and when it was made. */
    public record RotatedKey(String keyId, int version, Instant createdAt) {}

    /**
     * Re-reads the keys when {@code keyId} is not among them and the last read is at least
     * {@link #REFRESH_INTERVAL} old. Answers whether the key is known afterwards.
     */
    public boolean refreshFor(String keyId) {
        if (keys().knows(keyId)) {
            return true;
        }
        synchronized (this) {
            if (keys.knows(keyId)) {
                return true;
            }
            Instant now = clock.instant();
            if (lastRead.plus(REFRESH_INTERVAL).isAfter(now)) {
                return false;
            }
            try {
                read();
            } catch (RuntimeException e) {
                // the request goes on with the keys as they were; it is refused if its key is not among them
                LOG.log(Level.WARNING, "could not re-read the token signing keys", e);
                lastRead = now;
                return false;
            }
            return keys.knows(keyId);
        }
    }

    private void read() {
        Instant now = clock.instant();
        List<DeploymentKeyVault.Version> versions =
                vault.versionsOrCreate(DeploymentKeyVault.TOKEN_SIGNING, () -> firstVersion(now));
        Duration published = config.tokenLifetime().plus(CLOCK_SKEW);
        List<JWK> all = new ArrayList<>();
        for (DeploymentKeyVault.Version v : versions) {
            boolean newest = all.isEmpty();
            if (newest
                    || v.retiredAt().isEmpty()
                    || v.retiredAt().get().plus(published).isAfter(now)) {
                all.addAll(parse(v));
            }
        }
        SigningKeys read = new SigningKeys(all);
        SigningKeys before = keys;
        keys = read;
        lastRead = now;
        SigningKeys.install(read);
        boolean changed = before != null && !before.keyIds().equals(read.keyIds());
        if (before == null || changed) {
            // at the first read too: the configuration may hold the "no keys" it answered before there were any
            LocalIssuerConfigSource.keysChanged();
        }
        if (changed) {
            LOG.info(() -> "Token signing keys re-read: " + read.keyIds().size() + " published, signing with "
                    + read.current().getKeyID());
        }
    }

    private byte[] firstVersion(Instant now) {
        Path file = config.dataDir().resolve("keys").resolve("token-signing.jwks");
        if (Files.exists(file)) {
            try {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                JWKSet set = JWKSet.parse(json);
                LOG.info(() -> "Imported the token signing keys of " + file + " into the database; the file is"
                        + " no longer read");
                return set.toString(false).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token signing keys at " + file, e);
            } catch (ParseException e) {
                throw new IllegalStateException("the token signing keys at " + file + " are not a JWK set", e);
            }
        }
        return new JWKSet(SigningKeys.generate(now)).toString(false).getBytes(StandardCharsets.UTF_8);
    }

    private static List<JWK> parse(DeploymentKeyVault.Version v) {
        try {
            return JWKSet.parse(new String(v.key(), StandardCharsets.UTF_8)).getKeys();
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "version " + v.version() + " of the token signing keys in the database is not a JWK set", e);
        }
    }
}
