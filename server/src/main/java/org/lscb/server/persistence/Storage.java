package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.lscb.exchange.schema.SchemaMigrations;
import org.lscb.registry.persistence.Database;
import org.lscb.server.config.ServerConfig;

/**
 * Opens the database the configuration names: a pool that checks each connection before lending it
 * (so a database restart heals without a server restart), then the Flyway migrations, then JPA.
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    @Produces
    @Singleton
    HikariDataSource dataSource(ServerConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("lscb");
        pool.setJdbcUrl(config.dbUrl());
        pool.setUsername(config.dbUser());
        pool.setPassword(config.dbPassword());
        pool.setMaximumPoolSize(config.dbPoolSize());
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        pool.setConnectionTimeout(10_000);
        pool.setValidationTimeout(3_000);
        // start even when the database is down; /health says not ready until it answers
        pool.setInitializationFailTimeout(-1);
        pool.setDriverClassName(config.embeddedDatabase() ? "org.h2.Driver" : "org.postgresql.Driver");
        HikariDataSource ds = new HikariDataSource(pool);
        LOG.info(() -> "Database: " + redacted(config.dbUrl()));
        return ds;
    }

    void closeDataSource(@Disposes HikariDataSource ds) {
        ds.close();
    }

    @Produces
    @Singleton
    Database database(HikariDataSource dataSource) {
        SchemaMigrations.apply(dataSource);
        return Database.open(dataSource);
    }

    void closeDatabase(@Disposes Database database) {
        database.close();
    }

    /** True when the database answers a trivial query within a few seconds. */
    public static boolean answers(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
