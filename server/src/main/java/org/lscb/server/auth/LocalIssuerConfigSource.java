package org.lscb.server.auth;

import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT to trust the tokens this server issues: the public signing keys and the
 * issuer name. The keys are the deployment's, read from the database by {@link TokenSigningKeys}; when they
 * change, {@link #keysChanged()} drops the values the configuration holds, so that the next request is checked
 * against the new set (payara-mp-jwt.properties keeps MicroProfile JWT from holding them itself). Stands aside when an external OpenID Connect issuer is configured
 * ({@code mp.jwt.verify.publickey.location}), and sits below every other source so any of them wins.
 */
public class LocalIssuerConfigSource implements ConfigSource {

    public static final String DEFAULT_ISSUER = "urn:lscb:exchange";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final Logger LOG = Logger.getLogger(LocalIssuerConfigSource.class.getName());

    @Override
    public Set<String> getPropertyNames() {
        return externalIssuerConfigured() ? Set.of() : Set.of(PUBLIC_KEY, ISSUER);
    }

    @Override
    public Map<String, String> getProperties() {
        return externalIssuerConfigured()
                ? Map.of()
                : Map.of(PUBLIC_KEY, getValue(PUBLIC_KEY), ISSUER, getValue(ISSUER));
    }

    @Override
    public String getValue(String name) {
        if (externalIssuerConfigured()) {
            return null;
        }
        if (PUBLIC_KEY.equals(name)) {
            return publicKeysJson();
        }
        if (ISSUER.equals(name)) {
            return issuer();
        }
        return null;
    }

    @Override
    public String getName() {
        return "lscb-local-token-issuer";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    /** The installed keys, or, before anything installed them, the ones {@link TokenSigningKeys} reads. */
    private static String publicKeysJson() {
        SigningKeys keys = SigningKeys.installed();
        if (keys == null) {
            try {
                keys = jakarta.enterprise
                        .inject
                        .spi
                        .CDI
                        .current()
                        .select(TokenSigningKeys.class)
                        .get()
                        .keys();
            } catch (RuntimeException e) {
                // before the application is up: no key, so no token verifies yet
                LOG.log(Level.FINE, "the token signing keys are not readable yet", e);
                return null;
            }
        }
        return keys.publicKeysJson();
    }

    /**
     * Drops the configuration values Payara holds (for {@code mp.config.cache.duration}), so that the changed keys
     * are read at the next request. Payara's {@code PayaraConfig#clearCache} is not in the MicroProfile API, hence
     * the reflection; on a configuration without it the new keys are seen when the cached value expires.
     */
    static void keysChanged() {
        try {
            Object config = ConfigProvider.getConfig();
            config.getClass().getMethod("clearCache").invoke(config);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the configuration's cache could not be dropped; new token signing keys are"
                            + " accepted once it expires",
                    e);
        }
    }

    static String issuer() {
        String value = setting("auth.issuer");
        return value == null ? DEFAULT_ISSUER : value;
    }

    private static boolean externalIssuerConfigured() {
        return setting(LOCATION) != null;
    }

    /** A setting from a system property or its environment form; this source cannot ask Config itself. */
    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
