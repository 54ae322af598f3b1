package org.lscb.server.auth;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.lscb.server.config.DataDirectory;

/**
 * Tells MicroProfile JWT to trust the tokens this server issues: the public signing keys and the
 * issuer name. Stands aside when an external OpenID Connect issuer is configured
 * ({@code mp.jwt.verify.publickey.location}), and sits below every other source so any of them wins.
 */
public class LocalIssuerConfigSource implements ConfigSource {

    public static final String DEFAULT_ISSUER = "urn:lscb:exchange";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final java.nio.file.Path DATA_DIR = DataDirectory.resolve();

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
            return SigningKeys.in(DATA_DIR).publicKeysJson();
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
