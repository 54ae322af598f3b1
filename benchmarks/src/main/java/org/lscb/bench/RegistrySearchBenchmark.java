package org.lscb.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.store.FSDirectory;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.FictionalReviewers;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.search.ReviewerDocument;
import org.lscb.registry.search.ReviewerHits;
import org.lscb.registry.search.ReviewerIndex;
import org.lscb.registry.search.ReviewerQuery;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 3's benchmark: 100,000 generated reviewers, 1,000 mixed queries (words, expertise, region,
 * qualified, independent of three organisations). Measures the register's search in process and
 * over HTTP (the real bundle on PostgreSQL), index rebuild time and heap, and answers the same
 * queries with PostgreSQL full-text search in the same run. Run through benchmarks/registry/run.sh.
 */
public final class RegistrySearchBenchmark {

    private static final String[] WORDS = {
        "neglect",
        "systems",
        "domestic",
        "exploitation",
        "health",
        "chronologies",
        "practitioners",
        "safeguarding",
        "detective",
        "nurse",
        "social",
        "probation",
        "adolescent",
        "families",
        "psychologist",
        "serious",
        "research",
        "information",
        "chair",
        "youth"
    };

    public static void main(String[] args) throws Exception {
        int reviewers = Integer.parseInt(System.getProperty("reviewers", "100000"));
        int queries = Integer.parseInt(System.getProperty("queries", "1000"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "300"));
        Path bundle = Path.of(System.getProperty("bundle", "server/target/lscb-server.jar"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        IndependenceCheck independence = IndependenceCheck.standard();
        QualificationRule qualification = QualificationRule.standard();

        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:55432/lscb_test") + "?reWriteBatchedInserts=true");
        pg.setUser(env("TEST_PG_USER", "lscb"));
        pg.setPassword(env("TEST_PG_PASSWORD", "lscb"));
        try (Connection c = pg.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        SchemaMigrations.apply(pg, List.of("foundation", "identity", "registry", "reviews", "exchange"));

        say("generating %,d reviewers", reviewers);
        Random random = new Random(20261126);
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orgs.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        List<Reviewer> register =
                new FictionalReviewers(1, orgs, today).stream(reviewers).toList();
        long t0 = System.nanoTime();
        RegisterData.insertOrganisations(pg, orgs);
        RegisterData.insertReviewers(pg, register);
        say("stored in PostgreSQL (application schema) in %,d ms", ms(t0));

        // in process: rebuild and query the index
        Path indexDir = Files.createTempDirectory("lscb-bench-index");
        ReviewerIndex index = ReviewerIndex.open(FSDirectory.open(indexDir));
        List<ReviewerDocument> docs = register.stream()
                .map(r -> ReviewerDocument.of(r, qualification))
                .toList();
        t0 = System.nanoTime();
        index.rebuild(docs.stream(), 0);
        long rebuildMs = ms(t0);
        register = null;
        long heap = heapAfterGc();
        say(
                "in-process rebuild of %,d reviewers: %,d ms; heap after rebuild and GC %,d MiB (holding the generated documents too)",
                index.size(), rebuildMs, heap / (1024 * 1024));

        List<ReviewerQuery> mixed = queries(random, orgs, today, independence, warmup + queries);
        Latencies inProcess = new Latencies(queries);
        for (int i = 0; i < mixed.size(); i++) {
            long s = System.nanoTime();
            index.search(mixed.get(i));
            if (i >= warmup) {
                inProcess.add(System.nanoTime() - s);
            }
        }

        // PostgreSQL full-text search with the same filters
        t0 = System.nanoTime();
        PostgresFullText.load(pg, docs);
        say("PostgreSQL tsvector table and GIN indexes built in %,d ms", ms(t0));
        Latencies postgres = new Latencies(queries);
        int sameFilterHits = 0;
        int compared = 0;
        try (PostgresFullText fts = new PostgresFullText(pg)) {
            for (int i = 0; i < mixed.size(); i++) {
                long s = System.nanoTime();
                fts.search(mixed.get(i));
                if (i >= warmup) {
                    postgres.add(System.nanoTime() - s);
                }
            }
            // the filters (facets, qualified, independence) must select the same reviewers
            for (int i = 0; i < 200; i++) {
                ReviewerQuery q = withoutWords(mixed.get(warmup + i));
                ReviewerHits lucene = index.search(q);
                PostgresFullText.Answer p = fts.search(q);
                compared++;
                if (lucene.total() == p.total()
                        && lucene.facets()
                                .get("region")
                                .equals(p.facets().getOrDefault("region", java.util.Map.of()))) {
                    sameFilterHits++;
                }
            }
        }

        // over HTTP: the real bundle on the same PostgreSQL database
        Path data = Files.createTempDirectory("lscb-bench-data");
        String admin = "bench-" + UUID.randomUUID();
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvmArgs = System.getProperty("server.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(
                List.of("-jar", bundle.toAbsolutePath().toString(), "--port", Integer.toString(port), "--nocluster"));
        String serverArgs = System.getProperty("server.args", "");
        if (!serverArgs.isBlank()) {
            command.addAll(List.of(serverArgs.trim().split("\\s+")));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", data.toString());
        pb.environment().put("DB_URL", env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:55432/lscb_test"));
        pb.environment().put("DB_USER", env("TEST_PG_USER", "lscb"));
        pb.environment().put("DB_PASSWORD", env("TEST_PG_PASSWORD", "lscb"));
        pb.environment().put("ADMIN_PASSWORD", admin);
        Process server = pb.start();
        Latencies http = new Latencies(queries);
        String serverRebuild = "?";
        try {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            awaitReady(client, base, server);
            Matcher m = Pattern.compile(
                            "Rebuilt the reviewer index from the database: ([0-9]+) reviewers in ([0-9]+) ms")
                    .matcher(Files.readString(data.resolve("server.log")));
            if (m.find()) {
                serverRebuild = m.group(2);
            }
            String token = token(client, base, admin);
            for (int i = 0; i < mixed.size(); i++) {
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/reviewers?" + queryString(mixed.get(i))))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
                long s = System.nanoTime();
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - s;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
                }
                if (i >= warmup) {
                    http.add(took);
                }
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            index.close();
        }

        say("");
        say(
                "%,d reviewers, %,d queries after %,d warm-up (words + expertise + region + qualified + independentOf 3 organisations)",
                reviewers, queries, warmup);
        say("  Lucene in process          %s", inProcess.describe());
        say("  Lucene over HTTP (bundle)  %s", http.describe());
        say("  PostgreSQL full-text       %s   (top 20 + facet counts, 2 round trips)", postgres.describe());
        say(
                "  p50 ratio PostgreSQL / HTTP       = %.1fx (goal >= 5x)",
                postgres.percentileMillis(50) / http.percentileMillis(50));
        say(
                "  p50 ratio HTTP / in process       = %.2fx (goal <= 2x)",
                http.percentileMillis(50) / inProcess.percentileMillis(50));
        say(
                "  p50 ratio PostgreSQL / in process = %.1fx",
                postgres.percentileMillis(50) / inProcess.percentileMillis(50));
        say(
                "  index rebuild: in process %,d ms; server start-up rebuild from PostgreSQL %s ms",
                rebuildMs, serverRebuild);
        say("  heap after in-process rebuild (after GC): %,d MiB", heap / (1024 * 1024));
        say(
                "  same filter hits as PostgreSQL (totals and region facet, words left out): %d of %d queries",
                sameFilterHits, compared);
    }

    private static List<ReviewerQuery> queries(
            Random random, List<String> orgs, LocalDate today, IndependenceCheck independence, int n) {
        List<ReviewerQuery> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Set<String> involved = new LinkedHashSet<>();
            while (involved.size() < 3) {
                involved.add(orgs.get(random.nextInt(orgs.size())));
            }
            out.add(new ReviewerQuery(
                    WORDS[random.nextInt(WORDS.length)],
                    EnumSet.of(ExpertiseArea.values()[random.nextInt(ExpertiseArea.values().length)]),
                    EnumSet.of(Region.values()[random.nextInt(Region.values().length)]),
                    Set.of(),
                    Boolean.TRUE,
                    null,
                    involved,
                    today,
                    independence.cutOff(today),
                    0,
                    20));
        }
        return out;
    }

    private static ReviewerQuery withoutWords(ReviewerQuery q) {
        return new ReviewerQuery(
                "",
                q.expertise(),
                q.regions(),
                q.evidence(),
                q.qualified(),
                q.available(),
                q.independentOf(),
                q.today(),
                q.independenceCutOff(),
                0,
                20);
    }

    private static String queryString(ReviewerQuery q) {
        StringBuilder b = new StringBuilder("size=20&qualified=true&q=")
                .append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
        q.expertise().forEach(e -> b.append("&expertise=").append(e.name()));
        q.regions().forEach(r -> b.append("&region=").append(r.name()));
        b.append("&independentOf=").append(String.join(",", q.independentOf()));
        return b.toString();
    }

    private static void awaitReady(HttpClient client, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped before it was ready");
            }
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready in time");
    }

    private static String token(HttpClient client, String base, String password) throws Exception {
        return BenchSignIn.token(client, base, "admin", password);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    @SuppressWarnings("java:S106")
    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
