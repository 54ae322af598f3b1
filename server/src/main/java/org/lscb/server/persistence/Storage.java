package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;

/**
 * Opens the database the configuration names, once: a pool that checks each connection before
 * lending it (so a database restart heals without a server restart), then the Flyway migrations,
 * then JPA over the pool behind a {@link GatedDataSource} (so an outage holds no request thread for
 * longer than a moment once it is known). Each is handed out as the same instance to everyone who
 * injects it. Every wait for the database is bounded (docs/operations.md "The database going away").
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    /** How long a request waits for a connection before it is answered 503 database_unavailable. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** How long the pool waits for a lent connection to prove it is alive; below the connection timeout. */
    static final long VALIDATION_TIMEOUT_MILLIS = 2_000;

    /** How long PostgreSQL's driver waits for the database's TCP handshake, in seconds (its default is 10). */
    static final int POSTGRES_CONNECT_TIMEOUT_SECONDS = 3;

    private ServerConfig config;
    private HikariDataSource dataSource;
    private GatedDataSource gated;
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
    public synchronized GatedDataSource gatedDataSource() {
        open();
        return gated;
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
        gated = new GatedDataSource(dataSource, Clock.systemUTC());
        database = Database.open(gated);
    }

    @PreDestroy
    synchronized void close() {
        if (database != null) {
            database.close();
        }
        if (gated != null) {
            gated.close();
        }
        if (dataSource != null) {
            dataSource.close();
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
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        pool.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        // a connection that failed because the database cannot be reached is closed, not lent again; HikariCP knows
        // SQLSTATE class 08 itself, this adds H2's broken connections (DatabaseUnreachable)
        pool.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                return DatabaseUnreachable.causes(e)
                        ? SQLExceptionOverride.Override.MUST_EVICT
                        : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        // start even when the database is down; /health says not ready until it answers
        pool.setInitializationFailTimeout(-1);
        pool.setDriverClassName(config.embeddedDatabase() ? "org.h2.Driver" : "org.postgresql.Driver");
        if (!config.embeddedDatabase()) {
            // DB_URL's own connectTimeout=... wins. No socketTimeout: it would end a long query or migration
            // as readily as a dead connection; a stopped database or a severed connection fails at once anyway.
            pool.addDataSourceProperty("connectTimeout", Integer.toString(POSTGRES_CONNECT_TIMEOUT_SECONDS));
        }
        HikariDataSource ds = new HikariDataSource(pool);
        LOG.info(() -> "Database: " + config.dbUrl().replaceAll("(?i)(password=)[^;&]*", "$1***"));
        return ds;
    }
}
