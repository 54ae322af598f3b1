package org.lscb.server.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server for all integration tests of a run: started on first use, stopped when the run ends.
 * Tests get an {@link Api} and make their own organisations and accounts, so they need no order.
 */
public final class SharedServer implements ParameterResolver {

    private static final String KEY = "lscb-shared-server";

    /** The scrape token the shared server accepts at {@code /metrics} (METRICS_TOKEN), made up for this run. */
    static final String METRICS_TOKEN = "scrape-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    /** The shared server's configured public address (PUBLIC_BASE_URL); nothing listens there. */
    static final String PUBLIC_BASE_URL = "https://exchange.lscb.test";

    /** The started server and the first administrator's password, made up for this run. */
    record Handle(ServerProcess server, String adminPassword, Api.SignIns signIns)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Api.class || p.getParameter().getType() == ServerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Handle h = e.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Handle.class);
        if (p.getParameter().getType() == ServerProcess.class) {
            return h.server();
        }
        return new Api(h.server().baseUrl(), h.adminPassword(), h.signIns());
    }

    private static Handle start() {
        try {
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String adminPassword = Base64.getUrlEncoder().encodeToString(secret);
            Path base = Files.createTempDirectory("lscb-it");
            Map<String, String> env = new java.util.HashMap<>(TestDatabase.freshServerEnvironment());
            env.put("ADMIN_PASSWORD", adminPassword);
            // tokens are reused across the run (Api.token), so they must outlive it
            env.put("AUTH_TOKEN_LIFETIME", "PT12H");
            // tests stand in for clients behind a TLS proxy by sending X-Forwarded-For from loopback
            env.put("AUTH_TRUSTED_PROXIES", "127.0.0.1");
            // the overdue sweep runs often enough for a test to see it mark a clock
            env.put("REVIEWS_OVERDUE_SWEEP_INTERVAL", "PT2S");
            // B6 within a test's patience: a 4 MiB cap, and at least 64 KiB in every 2 s
            env.put("DOCUMENTS_MAX_BYTES", Long.toString(4L << 20));
            env.put("DOCUMENTS_MIN_RATE_BYTES", Long.toString(64L << 10));
            env.put("DOCUMENTS_MIN_RATE_WINDOW", "PT2S");
            env.put("METRICS_TOKEN", METRICS_TOKEN);
            env.put("PUBLIC_BASE_URL", PUBLIC_BASE_URL);
            writeTokenSigningKey(base.resolve("data"));
            ServerProcess server =
                    ServerProcess.start(base.resolve("data"), env).awaitReady();
            return new Handle(server, adminPassword, new Api.SignIns());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the shared test server: " + e.getMessage(), e);
        }
    }

    /**
     * The token signing key the server imports at its first start from {@code DATA_DIR/keys}, where keys found there are
     * taken into the database once (docs/operations.md "Deployment keys"). Tests that sign tokens as the server would
     * (AuthIT, InvalidTokenAuditIT) read it back from {@code DATA_DIR/keys/token-signing.jwks}; it stays published
     * for the run, whatever key a rotation adds, since the run's tokens live twelve hours.
     */
    private static void writeTokenSigningKey(Path dataDir) throws Exception {
        Path keys = Files.createDirectories(dataDir.resolve("keys"));
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
        Files.writeString(keys.resolve("token-signing.jwks"), new com.nimbusds.jose.jwk.JWKSet(key).toString(false));
    }
}
