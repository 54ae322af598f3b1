package org.lscb.foundation.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test: H2 in memory by default, or a new schema in the PostgreSQL
 * named by TEST_PG_URL when {@code -Dtest.db=postgres}; an unreachable PostgreSQL fails the test.
 */
public final class TestDataSources {

    private TestDataSources() {}

    public static DataSource fresh() {
        if (!"postgres".equalsIgnoreCase(System.getProperty("test.db", "h2"))) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        String url = setting("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lscb_test");
        String user = setting("TEST_PG_USER", "lscb");
        String password = setting("TEST_PG_PASSWORD", "lscb");
        String schema = "unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL was asked for but " + url + " cannot be used: " + e.getMessage(), e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        pg.setUser(user);
        pg.setPassword(password);
        return pg;
    }

    private static String setting(String name, String dflt) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? dflt : v;
    }
}
