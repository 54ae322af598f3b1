package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.lscb.server.it.browser.PageClient;

/**
 * Several servers, one service (docs/operations.md "Several servers"): nodes started with CLUSTER on one database
 * share browsers' sessions through Payara Micro's data grid, bound to loopback, so a browser signed in on one node is
 * signed in on another, its CSRF token good there, with no sticky load balancer; signing out on one node signs the
 * browser out on every node, even one that served the session before. A node started with another cluster
 * password is not admitted: the sessions are unknown to it. A node started with CLUSTER and no password does not
 * start at all. A reviewer saved on one node is found by another's search through the grid's change signal, with the
 * nodes' poll of the database set to an hour so that only the signal can have brought it.
 *
 * <p>The nodes share one database: PostgreSQL with {@code -Dtest.db=postgres}, otherwise one H2 file opened with
 * {@code AUTO_SERVER=TRUE}, H2's own mode for several processes on one file (the first serves it to the others).
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedServer.class)
class ClusterSessionsIT {

    private static final String PASSWORD = "cluster-" + java.util.UUID.randomUUID();

    @Test
    void
            aBrowserSignedInOnOneNode_isSignedInOnAnother_untilItSignsOutOnEither_aReviewerSavedOnOneIsFoundOnAnother_andAWrongPasswordNodeKnowsNoSession(
                    Api shared) throws Exception {
        Path root = Files.createTempDirectory("lscb-cluster-it");
        // the run's administrator: on PostgreSQL the nodes join the run's database, where it already exists
        String adminPassword = shared.adminPassword();
        int gridPort = freeGridPorts();
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        if (!TestDatabase.postgres()) {
            env.put(
                    "DB_URL",
                    "jdbc:h2:file:" + root.resolve("shared-db").resolve("lscb").toAbsolutePath()
                            + ";WRITE_DELAY=0;AUTO_SERVER=TRUE");
        }
        env.put("ADMIN_PASSWORD", adminPassword);
        env.put("CLUSTER", "true");
        env.put("CLUSTER_NAME", "it-" + gridPort);
        env.put("CLUSTER_PASSWORD", PASSWORD);
        env.put("CLUSTER_INTERFACE", "127.0.0.1");
        env.put("CLUSTER_MEMBERS", "127.0.0.1");
        env.put("CLUSTER_PORT", Integer.toString(gridPort));
        env.put("SEARCH_FEED_INTERVAL", "PT1H");

        long started = System.nanoTime();
        // one after the other: the first creates the schema, the others find it current
        try (ServerProcess one =
                        ServerProcess.start(root.resolve("node-1"), env).awaitReady();
                ServerProcess two =
                        ServerProcess.start(root.resolve("node-2"), env).awaitReady()) {
            Api api = shared.at(one.baseUrl());
            Api.Login officer = api.newAccount("LSCB_OFFICER");
            PageClient onOne = new PageClient(one.baseUrl());
            onOne.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));
            assertThat(onOne.get("/").status()).isEqualTo(200);

            PageClient onTwo = onOne.at(two.baseUrl());
            PageClient.Answer home = onTwo.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("Sign out");

            // a page post on node 2 with the token of the session node 1 started: accepted; without it: refused
            assertThat(onTwo.post("/sign-out", Map.of()).status()).isEqualTo(403);
            String token = onTwo.csrfOf("/");
            assertThat(token).isEqualTo(onOne.csrfOf("/"));

            try (ServerProcess stranger = ServerProcess.start(
                            root.resolve("node-wrong"), withPassword(env, "not-" + PASSWORD))
                    .awaitReady()) {
                PageClient onStranger = onOne.at(stranger.baseUrl());
                PageClient.Answer refused = onStranger.get("/");
                assertThat(refused.status()).isEqualTo(303);
                assertThat(refused.location()).startsWith("/sign-in");
                // Payara Micro logs the grid's members whenever they change: the stranger stays alone
                assertThat(stranger.log()).contains("DG Size: 1").doesNotContain("DG Size: 2");
                assertThat(one.log()).contains("DG Size: 2").doesNotContain("DG Size: 3");
            }
            assertThat(onOne.get("/").status()).isEqualTo(200);

            // the search feed's push: a reviewer saved on node 1 reaches node 2's index long before its next poll
            Api onTwoApi = api.restartedAt(two.baseUrl());
            Api.Login registrar = api.newAccount("LSCB_OFFICER", api.newOrganisation("LSCB"));
            String registrarOnTwo = onTwoApi.token(registrar.username(), registrar.password());
            String name = "Signal " + SearchOnEveryNodeIT.word();
            String word = name.split(" ")[1];
            assertThat(ReviewerRegistryIT.ids(ReviewerRegistryIT.search(onTwoApi, registrarOnTwo, "q=" + word)))
                    .isEmpty();
            String reviewer = ReviewerRegistryIT.reviewer(api, registrar, name, "POLICE", "LONDON");
            long took = SearchOnEveryNodeIT.awaitTrue(
                    () -> ReviewerRegistryIT.ids(ReviewerRegistryIT.search(onTwoApi, registrarOnTwo, "q=" + word))
                            .contains(reviewer));
            System.out.println("ClusterSessionsIT: a reviewer saved on node 1 was found on node 2 after " + took
                    + " ms, with the nodes' poll set to an hour");

            // node 2 has served the session, so it holds a copy of it that a sign-out on node 1 must end too
            assertThat(onTwo.get("/").status()).isEqualTo(200);

            PageClient.Answer signedOut = onOne.post("/sign-out", Map.of("csrf", token));
            assertThat(signedOut.status()).isEqualTo(303);
            assertThat(signedOut.location()).isEqualTo("/sign-in?signed-out");
            // the same cookies, kept, at node 2: a post with the session's CSRF token is refused before any page
            // runs, and a page sends the browser to sign in (docs/security.md W3)
            PageClient.Answer replayedPost = onTwo.post("/sign-out", Map.of("csrf", token));
            assertThat(replayedPost.status()).isEqualTo(403);
            PageClient.Answer replayed = onTwo.get("/");
            assertThat(replayed.status()).isEqualTo(303);
            assertThat(replayed.location()).startsWith("/sign-in");
            assertThat(onOne.get("/").status()).isEqualTo(303);
        }
        System.out.println("ClusterSessionsIT: three nodes started and checked in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    @Test
    void clusterWithoutPassword_refusesToStart() throws Exception {
        Path root = Files.createTempDirectory("lscb-cluster-it");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", secret());
        env.put("CLUSTER", "true");
        env.put("CLUSTER_INTERFACE", "127.0.0.1");
        ServerProcess refused = ServerProcess.start(root.resolve("node"), env);
        assertThat(refused.awaitExit(Duration.ofSeconds(60))).isNotZero();
        assertThat(refused.log()).contains("CLUSTER_PASSWORD").contains("Stopping");
    }

    private static Map<String, String> withPassword(Map<String, String> env, String password) {
        Map<String, String> other = new HashMap<>(env);
        other.put("CLUSTER_PASSWORD", password);
        return other;
    }

    private static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The first of three free ports in a row on loopback: the grid port of each node, taken in turn. */
    private static int freeGridPorts() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (free(first) && free(first + 1) && free(first + 2)) {
                return first;
            }
        }
        throw new IllegalStateException("no three free ports in a row on 127.0.0.1");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
