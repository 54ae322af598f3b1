package org.lscb.bench;

import jakarta.json.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16: failed sign-ins, measured against the bundle started with {@code -Xmx256m} on loopback.
 * <ol>
 * <li>Answer time of a failed sign-in for an account that signs in only through an external identity
 *     provider and for an unknown name, against a wrong password for a local account (goal: the same, ratio
 *     about 1, so that the time does not tell which accounts exist or how they sign in). Each attempt comes
 *     from a new client address (X-Forwarded-For through a trusted proxy), so the throttle never delays it.</li>
 * <li>{@code /health} while {@code clients} clients each keep failing to sign in with their own name from
 *     their own address, nine times each, so that most answers are held back by the throttle (250 ms
 *     doubling to 2 s); against {@code /health} idle, measured just before in the same run.</li>
 * </ol>
 */
public final class SignInBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(8))
            .build();

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 100);
        int rounds = Integer.getInteger("rounds", 40);
        Path bundle = Path.of("server/target/lscb-server.jar");
        Path work = Files.createTempDirectory("lscb-signin-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String admin = "bench-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
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
        pb.environment().put("AUTH_TRUSTED_PROXIES", "127.0.0.1");
        Process server = pb.start();
        String base = "http://127.0.0.1:" + port;
        try {
            ExchangeBenchmark.awaitReady(HTTP, base, server);
            String adminToken = BenchSignIn.token(HTTP, base, "admin", admin);
            String org =
                    post(base, adminToken, "/api/v1/organisations", "{\"name\":\"Bench Police\",\"kind\":\"POLICE\"}");
            post(
                    base,
                    adminToken,
                    "/api/v1/accounts",
                    "{\"username\":\"benchlocal\",\"displayName\":\"Bench Local\",\"roles\":[\"AGENCY_USER\"],"
                            + "\"organisationId\":\"" + org + "\",\"password\":\"plankton orbit velvet marmalade\"}");
            post(
                    base,
                    adminToken,
                    "/api/v1/accounts",
                    "{\"username\":\"benchexternal\",\"displayName\":\"Bench External\","
                            + "\"roles\":[\"AGENCY_USER\"],\"organisationId\":\"" + org
                            + "\",\"externalSignIn\":true}");

            say("Failed sign-in answer time, %d rounds, each kind in turn, a new client address each time", rounds);
            Latencies local = new Latencies(rounds);
            Latencies external = new Latencies(rounds);
            Latencies unknown = new Latencies(rounds);
            AtomicInteger address = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                signIn(base, "benchlocal", "warm-up", "10.1.0." + i); // JIT and the first Argon2 allocations
            }
            for (int r = 0; r < rounds; r++) {
                local.add(timedFailure(base, "benchlocal", address));
                external.add(timedFailure(base, "benchexternal", address));
                unknown.add(timedFailure(base, "nobody-" + r, address));
            }
            say("  wrong password, local account:   %s", local.describe());
            say(
                    "  account without a local password: %s   median ratio %.2f (goal about 1)",
                    external.describe(), external.percentileMillis(50) / local.percentileMillis(50));
            say(
                    "  unknown name:                      %s   median ratio %.2f (goal about 1)",
                    unknown.describe(), unknown.percentileMillis(50) / local.percentileMillis(50));

            say(
                    "/health idle, then while %d clients each fail to sign in 9 times (most answers held back by the throttle)",
                    clients);
            Latencies idle = new Latencies(200);
            for (int i = 0; i < 200; i++) {
                idle.add(timedHealth(base));
            }
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger held = new AtomicInteger();
            List<CompletableFuture<Void>> flood = new ArrayList<>();
            java.util.concurrent.ExecutorService clientThreads =
                    java.util.concurrent.Executors.newFixedThreadPool(clients);
            long floodStart = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                String name = "ghost-" + c;
                String from = "198.18." + (c / 250) + "." + (c % 250);
                flood.add(CompletableFuture.runAsync(
                        () -> {
                            for (int attempt = 0; attempt < 9; attempt++) {
                                long t = System.nanoTime();
                                signIn(base, name, "guess-" + attempt, from);
                                if (System.nanoTime() - t > 200_000_000L) {
                                    held.incrementAndGet();
                                }
                            }
                        },
                        clientThreads));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> flooding.set(false));
            Latencies during = new Latencies(100_000);
            while (flooding.get()) {
                during.add(timedHealth(base));
                Thread.sleep(20);
            }
            all.join();
            clientThreads.shutdown();
            double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
            say("  idle:   %s", idle.describe());
            say(
                    "  during: %s   p99 ratio %.1f, p50 ratio %.1f (%d samples over %.1f s; %d of %d sign-in answers held back >200 ms)",
                    during.describe(),
                    during.percentileMillis(99) / idle.percentileMillis(99),
                    during.percentileMillis(50) / idle.percentileMillis(50),
                    during.count(),
                    floodSeconds,
                    held.get(),
                    clients * 9);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static long timedFailure(String base, String user, AtomicInteger address) {
        int a = address.incrementAndGet();
        long t = System.nanoTime();
        int status = signIn(base, user, "a wrong password " + a, "10.2." + (a / 250) + "." + (a % 250));
        long took = System.nanoTime() - t;
        if (status != 401) {
            throw new IllegalStateException("a failed sign-in of " + user + " answered " + status);
        }
        return took;
    }

    private static int signIn(String base, String user, String password, String from) {
        String body = Json.createObjectBuilder()
                .add("username", user)
                .add("password", password)
                .build()
                .toString();
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                                    .header("Content-Type", "application/json")
                                    .header("X-Forwarded-For", from)
                                    .timeout(Duration.ofMinutes(2))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long timedHealth(String base) throws Exception {
        long t = System.nanoTime();
        int status = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            throw new IllegalStateException("/health/ready answered " + status);
        }
        return System.nanoTime() - t;
    }

    private static String post(String base, String token, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new java.io.StringReader(r.body()))
                .readObject()
                .getString("id");
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
