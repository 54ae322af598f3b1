package org.lscb.server.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Turns off EclipseLink's retry of a read that failed to reach the database: by default it tries three more times, five
 * seconds apart, each waiting for a connection again, which holds a request thread for half a minute while the
 * database is down. The pool lends only connections it has just checked, so a failed read is an outage, answered at
 * once with 503 and Retry-After ({@link DatabaseUnreachable}); the caller repeats it. Named in lscb-persistence.xml.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
