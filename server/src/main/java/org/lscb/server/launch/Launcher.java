package org.lscb.server.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Entry point of the runnable bundle. Takes the options that are ours ({@code --demo}), passes the
 * rest to Payara Micro with the data grid's options ({@link ClusterSettings}: no data grid at all unless CLUSTER is
 * true), then waits until {@code /health} says ready and says where the
 * server listens, or stops the process when the application did not come up.
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    static final String PAYARA_MAIN = "fish.payara.micro.boot.PayaraMicroLauncher";
    private static final long READY_TIMEOUT_MS = 120_000;
    static final String JSON_PROVIDER_PROPERTY = "jakarta.json.provider";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        LaunchOptions options = LaunchOptions.parse(args, System.getenv("DEMO"));
        List<String> payaraArgs = options.payaraArgs();
        if (!options.helpOrVersion()) {
            ClusterSettings cluster;
            try {
                cluster = ClusterSettings.fromEnvironment();
                payaraArgs = cluster.payaraArgs(options.payaraArgs());
            } catch (IllegalStateException e) {
                LOG.severe(e.getMessage() + ". Stopping.");
                System.exit(2);
                return;
            }
            cluster.systemProperties().forEach(System::setProperty);
            if (cluster.enabled()) {
                LOG.info(() -> "Joining " + cluster);
            }
        }
        // Name the JSON-P provider: without it every Json.createReader (MicroProfile JWT parses keys and
        // tokens with it on each request) searches all the application's jars through ServiceLoader.
        if (System.getProperty(JSON_PROVIDER_PROPERTY) == null) {
            System.setProperty(JSON_PROVIDER_PROPERTY, "org.eclipse.parsson.JsonProviderImpl");
        }
        if (options.demo()) {
            System.setProperty("demo", "true");
        }
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object)
                    payaraArgs.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (options.helpOrVersion()) {
            return;
        }
        String base = "http://127.0.0.1:" + options.port();
        if (awaitReady(base + "/health/ready")) {
            LOG.info(() -> "LSCB review exchange is ready at " + base + "/ (API " + base + "/api/v1/, health " + base
                    + "/health, API description " + base + "/openapi)");
        } else {
            LOG.severe(() -> "The application did not become ready within " + READY_TIMEOUT_MS / 1000
                    + " s; see the errors above. Stopping.");
            System.exit(2);
        }
    }

    private static boolean awaitReady(String url) throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection c =
                        (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The arguments split into ours and Payara Micro's. */
    record LaunchOptions(boolean demo, int port, boolean helpOrVersion, List<String> payaraArgs) {

        static LaunchOptions parse(String[] args, String demoEnv) {
            boolean demo = "true".equalsIgnoreCase(demoEnv);
            boolean help = false;
            int port = 8080;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equalsIgnoreCase("--demo")) {
                    demo = true;
                    continue;
                }
                if (arg.equalsIgnoreCase("--port") && i + 1 < args.length) {
                    port = parsePort(args[i + 1]);
                }
                if (arg.equalsIgnoreCase("--help")
                        || arg.equalsIgnoreCase("--version")
                        || arg.equalsIgnoreCase("--outputuberjar")
                        || arg.equalsIgnoreCase("--outputlauncher")) {
                    help = true;
                }
                rest.add(arg);
            }
            return new LaunchOptions(demo, port, help, List.copyOf(rest));
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // Payara Micro reports the bad value itself
            }
            return 8080;
        }
    }
}
