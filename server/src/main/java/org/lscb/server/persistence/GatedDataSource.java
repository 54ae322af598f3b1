package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as everyone but the pool's owner sees it. While the database is reachable it is the pool itself. Once a
 * caller has found the database unreachable (an outage), no request waits the pool's connection timeout any more: one
 * probe, on a thread of its own, waits for a connection, and each caller waits at most {@link #PROBE_WAIT} for that
 * probe before it is refused, so an outage holds no request thread. There is no open interval to wait out: a caller
 * that finds no probe under way starts one, so the first connection the database gives after it is back ends the
 * outage. A pool that is merely busy (every connection lent to slow requests) is no outage. docs/operations.md "The
 * database going away".
 */
public final class GatedDataSource implements DataSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GatedDataSource.class.getName());

    /** How long a caller during an outage waits for the probe under way: enough for a database that is back to answer. */
    static final Duration PROBE_WAIT = Duration.ofMillis(250);

    private static final int VALIDATION_SECONDS = 2;

    /** Since when the database has been unreachable, and the kind of the last failure (a class name, no message). */
    public record Outage(Instant since, String failure) {}

    private final HikariDataSource pool;
    private final Clock clock;
    private final ExecutorService prober;
    private final AtomicReference<CompletableFuture<Boolean>> probe = new AtomicReference<>();
    private volatile Outage outage;

    public GatedDataSource(HikariDataSource pool, Clock clock) {
        this(pool, clock, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lscb-database-probe");
            t.setDaemon(true);
            return t;
        }));
    }

    /** With the thread the probe runs on: a test holds it back to see callers refused while a probe is under way. */
    GatedDataSource(HikariDataSource pool, Clock clock, ExecutorService prober) {
        this.pool = pool;
        this.clock = clock;
        this.prober = prober;
    }

    /** The outage under way, if the last attempt to get a connection found the database unreachable. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /**
     * True when the database answers a trivial query now. A connection the pool lent without checking it (it was used
     * moments ago) that does not answer is taken out of the pool and the question asked once more, so that a severed
     * connection is not mistaken for the database's answer.
     */
    public boolean answers() {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Connection c = getConnection()) {
                if (c.isValid(VALIDATION_SECONDS)) {
                    return true;
                }
                pool.evictConnection(c);
            } catch (SQLException e) {
                return false;
            }
        }
        return false;
    }

    /** True while a probe is waiting for a connection during an outage. */
    boolean probing() {
        return probe.get() != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Outage down = outage;
        if (down != null && !probeSucceeds()) {
            throw new SQLTransientConnectionException(
                    "the database is unreachable (since " + down.since() + ")", "08001");
        }
        return connect();
    }

    /** Waits up to {@link #PROBE_WAIT} for the probe under way, or for one this call starts. */
    private boolean probeSucceeds() {
        try {
            return currentProbe().get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Boolean> currentProbe() {
        while (true) {
            CompletableFuture<Boolean> running = probe.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            if (probe.compareAndSet(null, mine)) {
                try {
                    prober.execute(() -> runProbe(mine));
                } catch (RejectedExecutionException closed) {
                    probe.compareAndSet(mine, null);
                    mine.complete(false);
                }
                return mine;
            }
        }
    }

    private void runProbe(CompletableFuture<Boolean> mine) {
        boolean reached = false;
        try (Connection c = connect()) {
            reached = true;
        } catch (SQLException | RuntimeException e) {
            // connect() has recorded what it found
        } finally {
            probe.compareAndSet(mine, null);
            mine.complete(reached);
        }
    }

    /** A connection from the pool, recording the outage it finds or ends. */
    private Connection connect() throws SQLException {
        try {
            Connection c = pool.getConnection();
            if (outage != null) {
                outage = null;
                LOG.info("The database answers again");
            }
            return c;
        } catch (SQLException e) {
            if (DatabaseUnreachable.causes(e) && unreachable(e)) {
                Outage before = outage;
                if (before == null) {
                    LOG.warning(() -> "The database is unreachable: " + e.getMessage());
                }
                outage = new Outage(before != null ? before.since() : clock.instant(), rootKind(e));
            }
            throw e;
        }
    }

    /**
     * A pool that timed out is an outage when an attempt to connect failed (the pool gives the last one as the cause) or
     * when it holds no connection at all (the attempt under way is still waiting for the database); a pool whose every
     * connection is lent to slow requests is busy, not cut off.
     */
    private boolean unreachable(SQLException e) {
        return e.getCause() != null || pool.getHikariPoolMXBean().getTotalConnections() == 0;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }

    private static String rootKind(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections all use the configured account");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
