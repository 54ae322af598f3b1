package org.lscb.server.http.payara;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.logging.Logger;
import org.lscb.server.http.MalformedRequests;

/**
 * Screens malformed requests ({@link MalformedRequests}) in Payara's HTTP listener while this application
 * runs. The screening has to happen there: a malformed {@code %} escape or a NUL is decoded, and fails,
 * in the servlet container's connector before any filter or servlet of the application is chosen.
 * Registered in web.xml.
 */
public class MalformedRequestGuard implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(MalformedRequestGuard.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            int listeners = PayaraHttpListeners.install();
            LOG.info(() -> "Malformed requests are screened on " + listeners + " HTTP listener(s)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the server still works; malformed requests then get Payara's own answers (see MalformedRequests)
            LOG.warning("Malformed requests cannot be screened in this Payara version (" + e + ")");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            PayaraHttpListeners.uninstall();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning("Could not take the malformed-request screen out of the HTTP listeners (" + e + ")");
        }
    }
}
