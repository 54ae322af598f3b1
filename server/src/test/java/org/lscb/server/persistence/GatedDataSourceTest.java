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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md "The database going away": over a real pool and a real H2 server on loopback that is stopped and
 * started again, an outage is recorded, callers are then refused after a moment while one probe waits for the pool,
 * and the first connection after the database is back ends the outage.
 */
class GatedDataSourceTest {

    private static final Instant OUTAGE_STARTS = Instant.parse("2026-05-04T10:15:30Z");

    private Path base;
    private int port;
    private Server h2;
    private HikariDataSource pool;
    private GatedDataSource gate;

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
        if (gate != null) {
            gate.close();
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
        try (Connection c = awaitConnection(gate)) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(gate.outage()).isEmpty();
    }

    @Test
    void duringAnOutage_callersAreRefusedWhileTheProbeIsUnderWay_andServedOnceTheDatabaseIsBack() throws Exception {
        // the probe's thread is held until the database is back, so the probe is under way throughout
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService prober = Executors.newSingleThreadExecutor();
        prober.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        GatedDataSource gate = gate(500, prober);
        h2.stop();
        pool.getHikariPoolMXBean().softEvictConnections();
        assertThat((Throwable) catchThrowableOfType(SQLException.class, gate::getConnection))
                .isNotNull();
        assertThat(gate.outage()).isPresent();

        SQLException refused = catchThrowableOfType(SQLException.class, gate::getConnection);
        SQLException refusedAgain = catchThrowableOfType(SQLException.class, gate::getConnection);

        assertThat((Throwable) refused)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("the database is unreachable (since " + OUTAGE_STARTS + ")");
        assertThat(DatabaseUnreachable.causes(refusedAgain)).isTrue();
        assertThat(gate.probing()).isTrue();

        restartDatabase();
        release.countDown();
        try (Connection c = awaitConnection(gate)) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(gate.outage()).isEmpty();
    }

    private GatedDataSource gate(long connectionTimeoutMillis) {
        return gate(connectionTimeoutMillis, Executors.newSingleThreadExecutor());
    }

    private GatedDataSource gate(long connectionTimeoutMillis, ExecutorService prober) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/gate");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        gate = new GatedDataSource(pool, Clock.fixed(OUTAGE_STARTS, ZoneOffset.UTC), prober);
        return gate;
    }

    private void restartDatabase() throws SQLException {
        h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", base.toString())
                .start();
    }

    /** Asks for a connection until one is given, for at most a minute, as requests after an outage do. */
    private static Connection awaitConnection(GatedDataSource gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return gate.getConnection();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no connection after the database came back", e);
                }
                Thread.sleep(20);
            }
        }
    }
}
