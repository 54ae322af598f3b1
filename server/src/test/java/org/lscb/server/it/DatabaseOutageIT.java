package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * docs/operations.md "The database going away": a server whose database becomes unreachable mid-run (a
 * {@link LoopbackProxy} between them is cut: no new connection, every open one severed) answers a request that needs
 * the database with 503 database_unavailable and Retry-After, as JSON to the API and as the service's page to a
 * browser, and its /health says the database is unreachable; once the database is reachable again the same server,
 * never restarted, serves again. On the embedded default the database is H2 in TCP server mode, started here on
 * loopback; with -Dtest.db=postgres it is the test PostgreSQL. How long each answer took is printed, not asserted.
 */
@ExtendWith(SharedServer.class)
class DatabaseOutageIT {

    private static final Duration HEALS_WITHIN = Duration.ofSeconds(60);

    @Test
    void databaseCutOff_answers503WithRetryAfter_healthSaysWhy_andTheServerHealsWhenItIsBack(Api shared)
            throws Exception {
        Path base = Files.createTempDirectory("lscb-outage");
        try (DatabaseBehindProxy db = DatabaseBehindProxy.start(base)) {
            Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
            env.put("DB_URL", db.url());
            env.put("ADMIN_PASSWORD", shared.adminPassword());
            try (ServerProcess server =
                    ServerProcess.start(base.resolve("data"), env).awaitReady()) {
                Api api = shared.at(server.baseUrl());
                Api.Login agency = api.newAccount("AGENCY_USER");
                Api.Login officer = api.newAccount("LSCB_OFFICER");
                PageClient browser = new PageClient(server.baseUrl());
                browser.signIn(agency.username(), agency.password(), () -> api.signInCode(agency.username()));
                assertThat(api.get("/api/v1/me", agency.token()).status()).isEqualTo(200);
                assertThat(browser.get("/").status()).isEqualTo(200);
                assertThat(api.get("/api/v1/reviewers?q=outage", officer.token())
                                .status())
                        .isEqualTo(200);

                db.proxy().stop();

                long started = System.nanoTime();
                Api.Reply first = api.get("/api/v1/me", agency.token());
                long firstMillis = millisSince(started);
                assertThat(first.status()).as(first.body()).isEqualTo(503);
                assertThat(first.error()).isEqualTo("database_unavailable");
                assertThat(first.headers().firstValue("Retry-After")).hasValue("5");

                Supplier<Long> refused = () -> {
                    long t = System.nanoTime();
                    Api.Reply r = api.get("/api/v1/me", agency.token());
                    assertThat(r.status()).as(r.body()).isEqualTo(503);
                    assertThat(r.error()).isEqualTo("database_unavailable");
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    return millisSince(t);
                };
                // the first eight find the outage (each waits the pool's timeout), the next eight know it
                List<Long> discovering = concurrently(8, refused);
                List<Long> known = concurrently(8, refused);

                long pageStarted = System.nanoTime();
                PageClient.Answer page = browser.get("/");
                long pageMillis = millisSince(pageStarted);
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains("Sorry, the service is unavailable");
                assertThat(page.headers().firstValue("Retry-After")).hasValue("5");

                // the register search answers from this server's index, but a token's account is read first
                // (AccountLookupFilter), so a token whose account cannot be checked gets no answer either
                Api.Reply search = api.get("/api/v1/reviewers?q=outage", officer.token());
                assertThat(search.status()).as(search.body()).isEqualTo(503);
                assertThat(search.error()).isEqualTo("database_unavailable");
                assertThat(search.headers().firstValue("Retry-After")).isPresent();

                long healthStarted = System.nanoTime();
                Api.Reply health = api.get("/health/ready", null);
                long healthMillis = millisSince(healthStarted);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body())
                        .contains("the database is unreachable")
                        .contains("unreachableSince")
                        .doesNotContain(Integer.toString(db.proxy().port()));

                System.out.printf(
                        "DatabaseOutageIT (%s): first 503 in %d ms; 8 at once in %s ms, 8 more in %s ms;"
                                + " page 503 in %d ms; /health/ready 503 in %d ms%n",
                        TestDatabase.postgres() ? "postgres" : "h2",
                        firstMillis,
                        discovering,
                        known,
                        pageMillis,
                        healthMillis);

                db.proxy().start();

                long back = System.nanoTime();
                Api.Reply healed = awaitStatus(api, "/api/v1/me", agency.token(), 200);
                System.out.printf(
                        "DatabaseOutageIT: served again %d ms after the database came back%n", millisSince(back));
                assertThat(healed.json().getString("username")).isEqualTo(agency.username());
                assertThat(awaitStatus(api, "/health/ready", null, 200).body()).contains("\"status\":\"UP\"");
                assertThat(browser.get("/").status()).isEqualTo(200);
            }
        }
    }

    private static List<Long> concurrently(int n, Supplier<Long> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(call, pool));
            }
            List<Long> millis = new ArrayList<>();
            for (CompletableFuture<Long> c : calls) {
                millis.add(c.get(120, TimeUnit.SECONDS));
            }
            return millis;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Repeats the request until it answers {@code status}, for at most {@link #HEALS_WITHIN}. */
    private static Api.Reply awaitStatus(Api api, String path, String token, int status) throws InterruptedException {
        long deadline = System.nanoTime() + HEALS_WITHIN.toNanos();
        Api.Reply last;
        do {
            last = api.get(path, token);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " still answers " + last.status() + " " + last.body() + " after the database"
                + " came back " + HEALS_WITHIN + " ago");
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /**
     * The test's database reached through a {@link LoopbackProxy}: H2 in TCP server mode on loopback, or the test
     * PostgreSQL; {@link #url()} names the proxy's port.
     */
    private record DatabaseBehindProxy(LoopbackProxy proxy, String url, Server h2) implements AutoCloseable {

        static DatabaseBehindProxy start(Path base) throws Exception {
            if (TestDatabase.postgres()) {
                String real = TestDatabase.serverEnvironment().get("DB_URL");
                URI u = URI.create(real.substring("jdbc:".length()));
                LoopbackProxy proxy = LoopbackProxy.to(u.getHost(), u.getPort());
                String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + u.getRawPath()
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                return new DatabaseBehindProxy(proxy, url, null);
            }
            Path dir = Files.createDirectories(base.resolve("h2"));
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString())
                    .start();
            LoopbackProxy proxy = LoopbackProxy.to("127.0.0.1", h2.getPort());
            return new DatabaseBehindProxy(proxy, "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/lscb", h2);
        }

        @Override
        public void close() {
            proxy.close();
            if (h2 != null) {
                h2.stop();
            }
        }
    }
}
