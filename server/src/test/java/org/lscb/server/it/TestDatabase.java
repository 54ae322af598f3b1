package org.lscb.server.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Which database the integration tests run the server on: {@code -Dtest.db=h2} (the embedded default)
 * or {@code -Dtest.db=postgres} with {@code TEST_PG_URL}, {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}
 * (defaults: {@code jdbc:postgresql://127.0.0.1:5432/lscb_test}, {@code lscb}, {@code lscb}).
 * When PostgreSQL is asked for and cannot be reached the run fails; it never falls back to H2.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("test.db", "h2"));
    }

    /** Environment for a server on the chosen database; for PostgreSQL the schema is emptied first. */
    public static Map<String, String> freshServerEnvironment() {
        Map<String, String> env = serverEnvironment();
        if (postgres()) {
            emptySchema(env.get("DB_URL"), env.get("DB_USER"), env.get("DB_PASSWORD"));
        }
        return env;
    }

    /**
     * One deployment secret for every server of a test run: servers that share a PostgreSQL database must share
     * it, as the nodes of a deployment do (README, CA_SECRET), or one cannot read the two-factor secrets another stored.
     */
    private static final String CA_SECRET = java.util.UUID.randomUUID().toString();

    /** Environment for a server on the chosen database as it is, shared with the running test server. */
    public static Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("CA_SECRET", CA_SECRET);
        if (postgres()) {
            env.put("DB_URL", setting("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lscb_test"));
            env.put("DB_USER", setting("TEST_PG_USER", "lscb"));
            env.put("DB_PASSWORD", setting("TEST_PG_PASSWORD", "lscb"));
        }
        return env;
    }

    private static void emptySchema(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL was asked for (-Dtest.db=postgres) but " + url + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    private static String setting(String name, String dflt) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? dflt : v;
    }
}
