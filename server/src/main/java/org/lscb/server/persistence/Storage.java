package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;

/**
 * Opens the database the configuration names, once: a pool that checks each connection before
 * lending it (so a database restart heals without a server restart), then the Flyway migrations,
 * then JPA. Both are handed out as the same instances to everyone who injects them.
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    private ServerConfig config;
    private HikariDataSource dataSource;
    private Database database;

    protected Storage() {}

    @Inject
    public Storage(ServerConfig config) {
        this.config = config;
    }

    @Produces
    @Dependent
    public synchronized HikariDataSource dataSource() {
        open();
        return dataSource;
    }

    @Produces
    @Dependent
    public synchronized Database database() {
        open();
        return database;
    }

    private void open() {
        if (database != null) {
            return;
        }
        dataSource = openPool(config);
        ApplicationSchema.migrate(dataSource);
        database = Database.open(dataSource);
    }

    @PreDestroy
    synchronized void close() {
        if (database != null) {
            database.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** True when the database answers a trivial query within a few seconds. */
    public static boolean answers(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static HikariDataSource openPool(ServerConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("lscb");
        pool.setJdbcUrl(config.dbUrl());
        pool.setUsername(config.dbUser());
        pool.setPassword(config.dbPassword());
        pool.setMaximumPoolSize(config.dbPoolSize());
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        pool.setValidationTimeout(3_000);
        // start even when the database is down; /health says not ready until it answers
        pool.setInitializationFailTimeout(-1);
        pool.setDriverClassName(config.embeddedDatabase() ? "org.h2.Driver" : "org.postgresql.Driver");
        HikariDataSource ds = new HikariDataSource(pool);
        LOG.info(() -> "Database: " + config.dbUrl().replaceAll("(?i)(password=)[^;&]*", "$1***"));
        return ds;
    }
}
