package org.lscb.server.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means the database cannot be reached, wherever it surfaces: the pool giving up on a
 * connection (HikariCP's {@link SQLTransientConnectionException}, or {@link GatedDataSource}'s while an outage is
 * known), a driver's broken connection (H2's {@link SQLNonTransientConnectionException} or an {@link IOException} under
 * its SQL exception, PostgreSQL's SQLSTATE class {@code 08}), or PostgreSQL shutting down under a query (SQLSTATE
 * {@code 57P01} to {@code 57P03}), each however deep EclipseLink's {@code DatabaseException} and JPA's
 * {@code PersistenceException} wrap it. docs/operations.md "The database going away".
 */
public final class DatabaseUnreachable {

    /** What an answer to a request that needed the database asks the caller to wait before trying again. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {}

    /** True when {@code t} is, or was caused by, a database that cannot be reached. */
    public static boolean causes(Throwable t) {
        return connectionFailure(t) != null;
    }

    /** The SQL failure in {@code t}'s causes that says the database cannot be reached, or null. */
    static SQLException connectionFailure(Throwable t) {
        SQLException outermost = null;
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof SQLException e) {
                if (unreachable(e)) {
                    return e;
                }
                outermost = outermost == null ? e : outermost;
            } else if (c instanceof IOException && outermost != null) {
                // the driver lost its connection under a statement (H2's "IO Exception" on a severed socket)
                return outermost;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static boolean unreachable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null
                && (state.startsWith("08")
                        // admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL stopping or starting
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        // H2's "IO Exception" and "Connection is broken": its TCP connection to the database failed
                        || state.equals("90028")
                        || state.equals("90067"));
    }
}
