package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as everyone but the pool's owner sees it: while the database is unreachable, one caller at a time waits for
 * a connection (at most the pool's connection timeout) and every other caller is refused at once, so that an outage
 * holds one request thread, not all of them. There is no open interval to wait out: the next caller after a failed
 * attempt tries again, so the first connection the database gives after it is back closes the outage. A pool that is
 * merely busy (every connection lent to slow requests) is no outage. docs/operations.md "The database going away".
 */
public final class GatedDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(GatedDataSource.class.getName());

    /** Since when the database has been unreachable, and the kind of the last failure (a class name, no message). */
    public record Outage(Instant since, String failure) {}

    private final HikariDataSource pool;
    private final Clock clock;
    private final AtomicBoolean trying = new AtomicBoolean();
    private volatile Outage outage;

    public GatedDataSource(HikariDataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The outage under way, if the last attempt to get a connection found the database unreachable. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** True while a caller is waiting for the pool during an outage. */
    boolean tryingNow() {
        return trying.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Outage down = outage;
        boolean tryer = false;
        if (down != null) {
            if (!trying.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException(
                        "the database is unreachable (since " + down.since()
                                + "); another request is already waiting for a connection",
                        "08001");
            }
            tryer = true;
        }
        try {
            Connection c = pool.getConnection();
            if (outage != null) {
                outage = null;
                LOG.info("The database answers again");
            }
            return c;
        } catch (SQLException e) {
            if (DatabaseUnreachable.causes(e) && unreachable(e)) {
                if (outage == null) {
                    LOG.warning(() -> "The database is unreachable: " + e.getMessage());
                }
                outage = new Outage(down != null ? down.since() : clock.instant(), rootKind(e));
            }
            throw e;
        } finally {
            if (tryer) {
                trying.set(false);
            }
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
