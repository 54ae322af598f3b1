package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.lscb.library.TestReports;

/**
 * Search on every node (docs/operations.md, "Several servers"): two servers on one database, each with its own
 * index. A reviewer saved through one is found by the other's search, a report withdrawn on one leaves the other's
 * public search, and a server restarted with its index on disk applies only the changes it missed, rebuilding
 * nothing. On the embedded default the test serves one H2 database over TCP on loopback to both; with
 * {@code -Dtest.db=postgres} both join the run's PostgreSQL database.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedServer.class)
class SearchOnEveryNodeIT {

    /** Patience for a change to reach the other server; the feed polls twice a second. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void aChangeOnOneServerReachesTheOthersSearch_andARestartAppliesOnlyWhatItMissed(Api shared) throws Exception {
        Path base = Files.createTempDirectory("lscb-nodes");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", shared.adminPassword());
        // one blob folder for both, as on a shared mount: the library's files are kept there too
        env.put("BLOB_STORE", base.resolve("shared-blobs").toString());
        org.h2.tools.Server h2 = null;
        if (!TestDatabase.postgres()) {
            // port 0: H2 takes a free port itself, with no gap between finding it and binding it
            h2 = org.h2.tools.Server.createTcpServer(
                            "-tcpPort", "0", "-baseDir", base.resolve("db").toString(), "-ifNotExists")
                    .start();
            env.put("DB_URL", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/lscb");
        }
        try (ServerProcess one = ServerProcess.start(base.resolve("one"), env).awaitReady()) {
            ServerProcess two = ServerProcess.start(base.resolve("two"), env).awaitReady();
            try {
                Api api1 = shared.at(one.baseUrl());
                Api api2 = api1.restartedAt(two.baseUrl());

                // a reviewer saved through server one is found by server two's search
                String org = api1.newOrganisation("LSCB");
                Api.Login officer = api1.newAccount("LSCB_OFFICER", org);
                String name = "Feed " + word();
                String officerOnTwo = api2.token(officer.username(), officer.password());
                // a first search, so that the time measured is the change's way to server two, not its warm-up
                assertThat(ReviewerRegistryIT.ids(
                                ReviewerRegistryIT.search(api2, officerOnTwo, "q=" + name.split(" ")[1])))
                        .isEmpty();
                String reviewer = ReviewerRegistryIT.reviewer(api1, officer, name, "POLICE", "LONDON");
                long took = awaitTrue(() -> ReviewerRegistryIT.ids(
                                ReviewerRegistryIT.search(api2, officerOnTwo, "q=" + name.split(" ")[1]))
                        .contains(reviewer));
                System.out.println("SearchOnEveryNodeIT: a reviewer saved on one server was found on the other after "
                        + took + " ms");

                // a report published on server one is found by its text, and served, on server two; withdrawn there,
                // it leaves server two's public search
                ReviewWorld w = ReviewWorld.create(api1);
                String review = w.openScr(200).getString("id");
                String marker = word();
                Api.Reply published = PublicationIT.publish(
                        api1,
                        w.chair().token(),
                        review,
                        PublicationIT.form(
                                TestReports.pdf(PublicationIT.page2(marker, "town")),
                                Map.of("title", "Child A: a review of neglect in " + word())));
                assertThat(published.status()).as(published.body()).isEqualTo(201);
                String report = published.json().getString("id");
                took = awaitTrue(() -> PublicationIT.ids(PublicationIT.search(api2, "q=" + marker))
                        .equals(List.of(report)));
                System.out.println("SearchOnEveryNodeIT: a report published on one server was found on the other after "
                        + took + " ms");
                Api.Bytes onOne = api1.getBytes("/api/v1/public/reports/" + report + "/content", null);
                Api.Bytes onTwo = api2.getBytes("/api/v1/public/reports/" + report + "/content", null);
                assertThat(onOne.status()).isEqualTo(200);
                assertThat(onTwo.status()).isEqualTo(200);
                assertThat(onTwo.body()).isEqualTo(onOne.body()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
                Api.Reply withdrawn = api1.post(
                        "/api/v1/reviews/" + review + "/publication/withdrawal",
                        w.officer().token(),
                        "{\"reason\":\"The family asked for more time\"}");
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
                // the index's total, not the items: the public search checks each hit against the database, so the
                // items drop the withdrawn report at once, while the total counts what server two's index holds
                took = awaitTrue(() -> PublicationIT.search(api2, "q=" + marker)
                                .json()
                                .getJsonNumber("total")
                                .longValue()
                        == 0);
                System.out.println(
                        "SearchOnEveryNodeIT: a report withdrawn on one server left the other's search after " + took
                                + " ms");

                // server two stops; a reviewer saved meanwhile on server one is applied at its restart, nothing else
                two.close();
                String missedName = "Missed " + word();
                String missed = ReviewerRegistryIT.reviewer(api1, officer, missedName, "HEALTH", "LONDON");
                two = ServerProcess.start(base.resolve("two"), env).awaitReady();
                Api again = api1.restartedAt(two.baseUrl());
                String log = two.log();
                assertThat(log).doesNotContain("Rebuilt the reviewer index").doesNotContain("Rebuilt the library");
                assertThat(log).containsPattern("The reviewer index on disk was at stamp \\d+: 1 changes applied");
                // server two's index dropped the withdrawal before it stopped (awaited above): nothing is left to apply
                assertThat(log).containsPattern("The library's index on disk was at stamp \\d+: 0 changes applied");
                String officerAgain = again.token(officer.username(), officer.password());
                assertThat(ReviewerRegistryIT.ids(ReviewerRegistryIT.search(
                                again, officerAgain, "q=" + missedName.split(" ")[1])))
                        .containsExactly(missed);
                assertThat(PublicationIT.ids(PublicationIT.search(again, "q=" + marker)))
                        .isEmpty();
            } finally {
                two.close();
            }
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    /** Polls the condition until it holds, within {@link #PATIENCE}; answers how long it took in milliseconds. */
    static long awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("the change reached the other server within " + PATIENCE)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A word no other test uses, so that a search for it finds this test's records only. */
    static String word() {
        return "zf" + Api.unique().replaceAll("[0-9]", "x").replace("-", "");
    }
}
