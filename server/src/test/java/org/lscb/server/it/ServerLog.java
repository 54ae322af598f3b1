package org.lscb.server.it;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/** Reading the shared server's log after a test's requests. */
final class ServerLog {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ServerLog() {}

    /**
     * Makes the server write a line of its own and waits for it, so that everything the test's earlier requests
     * logged is in the file when the test reads it: a refused token from an address of its own is logged in one
     * line naming that address ({@code InvalidTokenAudit}).
     */
    static void awaitMarker(Api api, ServerProcess server) throws IOException, InterruptedException {
        InetAddress marker = RawHttp.freshLoopbackAddress();
        RawHttp.to(api.baseUrl()).from(marker).get("/api/v1/me", "Authorization: Bearer marker");
        awaitLine(server, "invalid bearer token from " + marker.getHostAddress() + " ");
    }

    /** Waits until the log holds the text; fails when it does not appear within a minute. */
    static void awaitLine(ServerProcess server, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!server.log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server log did not show \"" + text + "\" within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}
