package org.lscb.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 18: what the web pages cost the server against the JSON endpoints that answer the same data, and what a
 * first visit weighs.
 * <ol>
 * <li>Render time: {@code clients} agency users, each with its own browser session (signed in through the
 *     sign-in form, CSRF token and {@code __Host-lscb-session} cookie kept here) and its own bearer token, all at
 *     once on loopback. Each round a client asks for the dashboard {@code GET /} and {@code GET
 *     /api/v1/reviews?size=100} (the dashboard's page size, so both carry the same reviews), then the review
 *     page {@code GET /reviews/{id}} and {@code GET /api/v1/reviews/{id}}, taking turns which of each pair goes
 *     first. Time is to the last byte of the body; no request offers gzip (the server compresses neither pages
 *     nor JSON, only its static assets). Goal: the page's median and p95 at most 1.5x the JSON's.</li>
 * <li>Page weight: a first visit to {@code /sign-in} with an empty cache: the HTML, every stylesheet, script,
 *     icon and image it names, what those name in turn ({@code url()} in CSS, {@code import} in modules), and
 *     {@code /favicon.ico}, which a browser asks for unbidden; each with {@code Accept-Encoding: gzip}, the body
 *     bytes as they come over the wire. Then the dashboard's HTML after signing in. Goal: under 150 KiB.</li>
 * </ol>
 */
public final class PageRenderBenchmark {

    private static final String SESSION_COOKIE = "__Host-lscb-session";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern HTML_REFS = Pattern.compile(
            "<(?:link|script|img)\\b[^>]*?\\b(?:href|src)=\"([^\"]+)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_REFS = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern JS_REFS =
            Pattern.compile("(?:\\bimport\\s*(?:[\\w{}*,\\s]+from\\s*)?|\\bimport\\s*\\(\\s*)[\"']([^\"']+)[\"']");

    private PageRenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 20);
        int rounds = Integer.getInteger("rounds", 60);
        int warmup = Integer.getInteger("warmup", 30);
        int reviewCount = Integer.getInteger("reviews", 50);
        Path bundle = Path.of("server/target/lscb-server.jar");
        Path work = Files.createTempDirectory("lscb-pages-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String admin = "bench-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("server.heap", "-Xmx512m")));
        String jvmArgs = System.getProperty("server.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(
                List.of("-jar", bundle.toAbsolutePath().toString(), "--port", Integer.toString(port), "--nocluster"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", work.resolve("data").toString());
        pb.environment().put("ADMIN_PASSWORD", admin);
        Process server = pb.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient setup = client();
        try {
            ExchangeBenchmark.awaitReady(setup, base, server);
            say("Server %s, pid %d, log %s", command.get(1), server.pid(), work.resolve("server.log"));
            List<String> reviewIds = seed(setup, base, admin, clients, reviewCount);

            List<Session> sessions = signInAll(base, clients);

            pageWeight(base, sessions.get(0));

            say(
                    "Render time: %d clients at once, %d warm-up rounds then %d measured rounds each;"
                            + " no Accept-Encoding on any request",
                    clients, warmup, rounds);
            run(base, sessions, reviewIds, warmup, null);
            measure(base, sessions, reviewIds, rounds);
            int alone = Integer.getInteger("alone.rounds", 100);
            if (alone > 0) {
                say("The same, one client alone, %d rounds (what each answer costs without waiting for others)", alone);
                measure(base, sessions.subList(0, 1), reviewIds, alone);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void measure(String base, List<Session> sessions, List<String> reviewIds, int rounds)
            throws Exception {
        int clients = sessions.size();
        Map<String, Latencies> measured = new LinkedHashMap<>();
        for (String e : List.of("dashboard page", "dashboard JSON", "review page", "review JSON")) {
            measured.put(e, new Latencies(clients * rounds));
        }
        long started = System.nanoTime();
        run(base, sessions, reviewIds, rounds, measured);
        double seconds = (System.nanoTime() - started) / 1e9;
        say(
                "  %d requests in %.1f s (%.0f a second); body sizes: dashboard %s, review %s",
                clients * rounds * 4,
                seconds,
                clients * rounds * 4 / seconds,
                sessions.get(0).sizes.get("dashboard"),
                sessions.get(0).sizes.get("review"));
        say("  %-15s %9s %9s %9s", "", "p50 (ms)", "p95 (ms)", "p99 (ms)");
        measured.forEach((name, l) -> say(
                "  %-15s %9.2f %9.2f %9.2f",
                name, l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99)));
        for (String what : List.of("dashboard", "review")) {
            Latencies page = measured.get(what + " page");
            Latencies json = measured.get(what + " JSON");
            double p50 = page.percentileMillis(50) / json.percentileMillis(50);
            double p95 = page.percentileMillis(95) / json.percentileMillis(95);
            say(
                    "  %s page / JSON: median %.2fx, p95 %.2fx (goal at most 1.5x: %s)",
                    what, p50, p95, p50 <= 1.5 && p95 <= 1.5 ? "met" : "NOT met");
        }
    }

    /** One person: a browser session (its cookie and CSRF token) and a bearer token for the API. */
    static final class Session {
        final String user;
        final HttpClient http = client();
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> sizes = new LinkedHashMap<>();
        String token;

        Session(String user) {
            this.user = user;
        }

        /**
         * Keeps the cookies the server sets: the JDK's cookie store would not send a Secure cookie back over
         * plain http to 127.0.0.1, as the benchmark must.
         */
        void keep(HttpResponse<?> r) {
            for (String header : r.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (header.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        HttpRequest.Builder page(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofMinutes(2));
            if (!cookies.isEmpty()) {
                b.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            return b;
        }

        HttpRequest.Builder api(String path) {
            return HttpRequest.newBuilder(URI.create(path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A board, its officer (two-factor sign-in, enrolled as a person would), three agencies, {@code clients}
     * agency users in the first agency, and {@code count} reviews the first agency takes part in: serious case
     * reviews and child death reviews with dates spread over the last months, so that clocks are met, due soon
     * and overdue.
     */
    private static List<String> seed(HttpClient http, String base, String admin, int clients, int count)
            throws Exception {
        String adminToken = BenchSignIn.token(http, base, "admin", admin);
        String board = id(
                post(http, base, adminToken, "/api/v1/organisations", "{\"name\":\"Bench LSCB\",\"kind\":\"LSCB\"}"));
        String police = id(post(
                http, base, adminToken, "/api/v1/organisations", "{\"name\":\"Bench Police\",\"kind\":\"POLICE\"}"));
        String health = id(post(
                http,
                base,
                adminToken,
                "/api/v1/organisations",
                "{\"name\":\"Bench Health Trust\",\"kind\":\"HEALTH\"}"));
        String school = id(post(
                http, base, adminToken, "/api/v1/organisations", "{\"name\":\"Bench School\",\"kind\":\"EDUCATION\"}"));
        BenchSignIn.account(http, base, adminToken, "benchofficer", "LSCB_OFFICER", board);
        String officer = BenchSignIn.token(http, base, "benchofficer", BenchSignIn.PASSWORD);
        for (int c = 0; c < clients; c++) {
            BenchSignIn.account(http, base, adminToken, "benchagency" + c, "AGENCY_USER", police);
        }
        List<String> ids = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            LocalDate d = today.minusDays(3 + (i * 7L) % 200);
            String orgs = "[\"" + police + "\"" + (i % 2 == 0 ? ",\"" + health + "\"" : "")
                    + (i % 3 == 0 ? ",\"" + school + "\"" : "") + "]";
            String body = i % 2 == 0
                    ? "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"BENCH-SCR-" + i + "\",\"pseudonym\":\"Child "
                            + (char) ('A' + i % 26) + i + "\",\"leadLscbId\":\"" + board + "\",\"organisationIds\":"
                            + orgs + ",\"dates\":{\"incident\":\"" + d.minusDays(10) + "\",\"notification\":\"" + d
                            + "\",\"initiated\":\"" + d.plusDays(2) + "\"}}"
                    : "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"BENCH-CDR-" + i + "\",\"pseudonym\":\"Child "
                            + (char) ('A' + i % 26) + i + "\",\"leadLscbId\":\"" + board + "\",\"organisationIds\":"
                            + orgs + ",\"dates\":{\"death\":\"" + d + "\",\"notification\":\"" + d.plusDays(1)
                            + "\",\"registration\":\"" + d.plusDays(4) + "\"},\"childDeath\":{\"ageAtDeathYears\":"
                            + (i % 17) + ",\"stillbirth\":false,\"lawfulTermination\":false,\"unexpected\":"
                            + (i % 4 == 1) + ",\"atHome\":" + (i % 4 == 1) + ",\"abroad\":false,\"inCustody\":false}}";
            ids.add(id(post(http, base, officer, "/api/v1/reviews", body)));
        }
        say(
                "Seeded: a board and its officer, 3 agencies, %d agency users, %d reviews the agency takes part in",
                clients, count);
        return ids;
    }

    /** Every client signs in through the pages (form, CSRF token, session cookie) and takes a bearer token. */
    private static List<Session> signInAll(String base, int clients) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Session s = new Session("benchagency" + c);
            HttpResponse<String> form =
                    s.http.send(s.page(base + "/sign-in").build(), HttpResponse.BodyHandlers.ofString());
            expect(form, 200, "GET /sign-in");
            s.keep(form);
            String csrf = csrf(form.body());
            HttpResponse<String> signedIn = s.http.send(
                    s.page(base + "/sign-in")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                    "csrf", csrf, "next", "/", "username", s.user, "password", BenchSignIn.PASSWORD))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(signedIn, 303, "POST /sign-in");
            s.keep(signedIn);
            if (!s.cookies.containsKey(SESSION_COOKIE)) {
                throw new IllegalStateException("signing in set no " + SESSION_COOKIE + " cookie");
            }
            s.token = BenchSignIn.token(s.http, base, s.user, BenchSignIn.PASSWORD);
            sessions.add(s);
        }
        say("Signed in: %d browser sessions (sign-in form) and %d bearer tokens", clients, clients);
        return sessions;
    }

    /** Each client's rounds, all clients at once; {@code into} null is a warm-up. */
    private static void run(
            String base, List<Session> sessions, List<String> reviewIds, int rounds, Map<String, Latencies> into)
            throws Exception {
        int clients = sessions.size();
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Map<String, Latencies>>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Session s = sessions.get(c);
            int client = c;
            all.add(CompletableFuture.supplyAsync(
                    () -> {
                        Map<String, Latencies> mine = new LinkedHashMap<>();
                        for (String e : List.of("dashboard page", "dashboard JSON", "review page", "review JSON")) {
                            mine.put(e, new Latencies(rounds));
                        }
                        try {
                            start.await();
                            for (int r = 0; r < rounds; r++) {
                                String id = reviewIds.get((client * 7 + r) % reviewIds.size());
                                boolean pageFirst = (client + r) % 2 == 0;
                                pair(
                                        s,
                                        pageFirst,
                                        "dashboard",
                                        () -> s.page(base + "/").build(),
                                        () -> s.api(base + "/api/v1/reviews?size=100")
                                                .build(),
                                        mine);
                                pair(
                                        s,
                                        pageFirst,
                                        "review",
                                        () -> s.page(base + "/reviews/" + id).build(),
                                        () -> s.api(base + "/api/v1/reviews/" + id)
                                                .build(),
                                        mine);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return mine;
                    },
                    threads));
        }
        try {
            for (CompletableFuture<Map<String, Latencies>> f : all) {
                Map<String, Latencies> mine = f.join();
                if (into != null) {
                    mine.forEach((k, v) -> into.get(k).addAll(v));
                }
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void pair(
            Session s,
            boolean pageFirst,
            String what,
            java.util.function.Supplier<HttpRequest> page,
            java.util.function.Supplier<HttpRequest> json,
            Map<String, Latencies> into)
            throws Exception {
        if (pageFirst) {
            into.get(what + " page").add(timed(s, page.get(), what, "page"));
            into.get(what + " JSON").add(timed(s, json.get(), what, "JSON"));
        } else {
            into.get(what + " JSON").add(timed(s, json.get(), what, "JSON"));
            into.get(what + " page").add(timed(s, page.get(), what, "page"));
        }
    }

    private static long timed(Session s, HttpRequest request, String what, String kind) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> r = s.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - t;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + " to " + s.user);
        }
        s.sizes.merge(what, kind + " " + r.body().length + " B", (a, b) -> a.contains(kind) ? a : a + ", " + b);
        return took;
    }

    /**
     * A first visit to the sign-in page with nothing cached, and the dashboard's HTML: the bytes each answer
     * puts on the wire with {@code Accept-Encoding: gzip}.
     */
    private static void pageWeight(String base, Session signedIn) throws Exception {
        HttpClient fresh = client();
        say("Page weight of a first visit to /sign-in (Accept-Encoding: gzip; body bytes on the wire):");
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(base + "/sign-in", base + "/favicon.ico"));
        long total = 0;
        for (int i = 0; i < queue.size(); i++) {
            String url = queue.get(i);
            if (!seen.add(url)) {
                continue;
            }
            HttpResponse<byte[]> r = fresh.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept-Encoding", "gzip")
                            .timeout(Duration.ofMinutes(1))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] wire = r.body();
            Optional<String> coding = r.headers().firstValue("Content-Encoding");
            byte[] plain = coding.map(c -> gunzip(wire)).orElse(wire);
            total += wire.length;
            String type = r.headers().firstValue("Content-Type").orElse("?");
            say(
                    "  %-70s %3d %-28s %8s  (%s B plain%s)",
                    url.substring(base.length()),
                    r.statusCode(),
                    type.split(";")[0],
                    kib(wire.length),
                    plain.length,
                    coding.isPresent() ? "" : ", gzip would make " + gzip(plain).length + " B");
            String text = new String(plain, StandardCharsets.UTF_8);
            Pattern refs = type.startsWith("text/html")
                    ? HTML_REFS
                    : type.startsWith("text/css") ? CSS_REFS : type.contains("javascript") ? JS_REFS : null;
            if (refs != null) {
                Matcher m = refs.matcher(text);
                while (m.find()) {
                    String ref = m.group(1);
                    if (!ref.startsWith("data:") && !ref.startsWith("#")) {
                        queue.add(URI.create(url)
                                .resolve(ref.replace("&amp;", "&"))
                                .toString());
                    }
                }
            }
        }
        say(
                "  total %s for %d files (goal under 150 KiB: %s)",
                kib(total), seen.size(), total < 150 * 1024 ? "met" : "NOT met");
        HttpResponse<byte[]> dashboard = signedIn.http.send(
                signedIn.page(base + "/").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        expect(dashboard, 200, "GET /");
        byte[] wire = dashboard.body();
        Optional<String> coding = dashboard.headers().firstValue("Content-Encoding");
        byte[] plain = coding.map(c -> gunzip(wire)).orElse(wire);
        say(
                "  dashboard HTML (%d reviews; its assets are cached from the sign-in page): %s on the wire%s",
                count(new String(plain, StandardCharsets.UTF_8), "href=\"/reviews/"),
                kib(wire.length),
                coding.isPresent() ? " (gzip)" : ", not compressed; gzip would make " + kib(gzip(plain).length));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] wire) {
        try (java.util.zip.GZIPInputStream z =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("the sign-in form carries no csrf field");
        }
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        return String.join(
                "&",
                fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
    }

    private static void expect(HttpResponse<?> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ", not " + status);
        }
    }

    private static String id(JsonObject o) {
        return o.getString("id");
    }

    private static JsonObject post(HttpClient http, String base, String token, String path, String json)
            throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
