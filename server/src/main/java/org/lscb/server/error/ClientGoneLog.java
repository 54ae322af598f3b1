package org.lscb.server.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Set;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps a client that closed its connection before its answer was written out of the server's error log. Jersey logs
 * every failure to write a response as SEVERE with a stack trace, and a client that goes away (or cuts its own body
 * short, {@link BodyCutShortException}) is no failure of the server: left alone, anyone could fill the log with
 * stack traces by closing sockets early. Such a record is logged as one FINE line instead; any other failure to write
 * a response stays SEVERE.
 */
@ApplicationScoped
public class ClientGoneLog {

    /** Held here: a logger nobody references may be collected, and its filter with it. */
    static final Logger RESPONDER = Logger.getLogger("org.glassfish.jersey.server.ServerRuntime$Responder");

    private static final Logger LOG = Logger.getLogger(ClientGoneLog.class.getName());

    /** What Grizzly and the JDK say when the other side has closed the connection. */
    private static final Set<String> CLIENT_GONE = Set.of("Connection is closed", "Broken pipe", "Connection reset");

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        RESPONDER.setFilter(ClientGoneLog::keep);
    }

    /** False for a record caused by the client's connection being closed (logged briefly instead); true otherwise. */
    static boolean keep(LogRecord record) {
        if (!clientGone(record.getThrown())) {
            return true;
        }
        LOG.fine("the client closed its connection before its answer was written");
        return false;
    }

    static boolean clientGone(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && CLIENT_GONE.contains(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
