package org.lscb.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md "The database going away": over a real pool and a real H2 server on loopback that is stopped and
 * started again, an outage is recorded and holds at most one caller waiting, the others are refused at once, and the
 * first connection after the database is back ends it.
 */
class GatedDataSourceTest {

    private static final Instant OUTAGE_STARTS = Instant.parse("2026-05-04T10:15:30Z");

    private Path base;
    private int port;
    private Server h2;
    private HikariDataSource pool;

    @BeforeEach
    void startDatabase() throws Exception {
        base = Files.createTempDirectory("lscb-gate");
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", base.toString())
                .start();
        port = h2.getPort();
    }

    @AfterEach
    void stopDatabase() {
        if (pool != null) {
            pool.close();
        }
        h2.stop();
    }

    @Test
    void anUnreachableDatabase_isAnOutage_untilTheFirstConnectionAfterItIsBack() throws Exception {
        GatedDataSource gate = gate(500);
        try (Connection c = gate.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(gate.outage()).isEmpty();

        h2.stop();
        pool.getHikariPoolMXBean().softEvictConnections();
        SQLException first = catchThrowableOfType(SQLException.class, gate::getConnection);
        SQLException again = catchThrowableOfType(SQLException.class, gate::getConnection);

        assertThat(DatabaseUnreachable.causes(first)).isTrue();
        assertThat(DatabaseUnreachable.causes(again)).isTrue();
        assertThat(gate.outage()).hasValueSatisfying(o -> {
            assertThat(o.since()).isEqualTo(OUTAGE_STARTS);
            assertThat(o.failure()).isNotBlank();
        });

        restartDatabase();
        try (Connection c = gate.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(gate.outage()).isEmpty();
    }

    @Test
    void duringAnOutage_oneCallerWaits_andTheOthersAreRefusedAtOnce() throws Exception {
        GatedDataSource gate = gate(500);
        h2.stop();
        pool.getHikariPoolMXBean().softEvictConnections();
        assertThat((Throwable) catchThrowableOfType(SQLException.class, gate::getConnection))
                .isNotNull();
        assertThat(gate.outage()).isPresent();
        // long enough that the waiting caller is still waiting when the database comes back
        pool.getHikariConfigMXBean().setConnectionTimeout(60_000);

        CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitTrying(gate);
        SQLException refused = catchThrowableOfType(SQLException.class, gate::getConnection);

        assertThat((Throwable) refused)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("another request is already waiting");
        assertThat(DatabaseUnreachable.causes(refused)).isTrue();

        restartDatabase();
        try (Connection c = waiting.get(60, TimeUnit.SECONDS)) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(gate.outage()).isEmpty();
        try (Connection c = gate.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    private GatedDataSource gate(long connectionTimeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/gate");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        return new GatedDataSource(pool, Clock.fixed(OUTAGE_STARTS, ZoneOffset.UTC));
    }

    private void restartDatabase() throws SQLException {
        h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", base.toString())
                .start();
    }

    private static void awaitTrying(GatedDataSource gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!gate.tryingNow()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no caller started waiting for a connection");
            }
            Thread.sleep(10);
        }
    }
}
