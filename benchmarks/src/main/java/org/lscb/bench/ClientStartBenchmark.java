package org.lscb.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 24's cold start of the command-line client: the time from starting {@code java -jar lscb-client.jar} to its
 * first request reaching the server, with the class-data sharing archive the build writes
 * ({@code client/target/lscb-client.jsa}) and without it, taking turns. The "server" is a loopback listener that
 * notes when a request's first bytes arrive and refuses it as the server refuses a stale token, so the command
 * ends there: what is timed is the client's start-up alone. Two commands: {@code list} (reads the token, asks) and
 * {@code send} of 1 MiB (its first request, the review's recipients, goes out while the key file is decrypted).
 * Usage: {@code benchmarks/exchange/client-start.sh}; {@code -Drounds=N} (default 10).
 */
public final class ClientStartBenchmark {

    private static final String REFUSED_BODY = "{\"error\":\"unauthorized\",\"message\":\"sign in\",\"details\":{}}";
    private static final byte[] REFUSAL = ("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + REFUSED_BODY.length() + "\r\nConnection: close\r\n\r\n" + REFUSED_BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private ClientStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 10);
        Path jar = Path.of("client/target/lscb-client.jar").toAbsolutePath();
        Path archive = Path.of("client/target/lscb-client.jsa").toAbsolutePath();
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no " + archive + ": build the client with mvn package first");
        }
        Path work = Files.createTempDirectory("lscb-bench-start");
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(config.resolve("token"), "not-a-real-token");
        // a pinned deployment CA, as 'lscb login' leaves: send asks for the recipients only when it has one
        Files.writeString(
                config.resolve("ca.pem"),
                ExchangeBenchmark.pem(
                        "CERTIFICATE",
                        BenchKeys.selfSigned(BenchKeys.ec(), "Bench CA").getEncoded()));
        Path password = Files.writeString(work.resolve("key.pw"), "bench-key-password");
        Path document = work.resolve("document.bin");
        ExchangeBenchmark.writeRandom(document, 1 << 20);

        List<String> plain = List.of(ExchangeBenchmark.java(), "-jar", jar.toString());
        List<String> shared = List.of(
                ExchangeBenchmark.java(),
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-jar",
                jar.toString());
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            refuseAll(listener);
            String server = "http://127.0.0.1:" + listener.getLocalPort();
            List<String> common = List.of("--server", server, "--config", config.toString(), "--quiet");
            // the key file send needs, made once (keygen makes no request)
            run(ExchangeBenchmark.concat(
                    concat(plain, common), "keygen", "--type", "ec", "--key-password-file", password.toString()));
            String review = "00000000-0000-0000-0000-000000000000";
            List<String> list = List.of("list", review);
            List<String> send = List.of(
                    "send", review, document.toString(), "--type", "IMR", "--key-password-file", password.toString());
            // the first run of each reads the jar and the archive into the page cache: not counted
            firstRequest(concat(concat(shared, common), list));
            firstRequest(concat(concat(plain, common), list));
            System.out.printf(
                    "client cold start, %d rounds, taking turns: from process start to the first request%n", rounds);
            for (List<String> command : List.of(list, send)) {
                double[] with = new double[rounds];
                double[] without = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn + r) % 2 == 0) {
                            with[r] = firstRequest(concat(concat(shared, common), command));
                        } else {
                            without[r] = firstRequest(concat(concat(plain, common), command));
                        }
                    }
                }
                System.out.printf(
                        "  lscb %-4s with the archive: median %.3f s (%.3f-%.3f) | without: median %.3f s (%.3f-%.3f)"
                                + " | goal <= 0.25 s with%n",
                        command.get(0),
                        median(with),
                        min(with),
                        max(with),
                        median(without),
                        min(without),
                        max(without));
            }
        }
    }

    /** When the first request of the command now running arrived (System.nanoTime), or 0 before it has. */
    private static final java.util.concurrent.atomic.AtomicLong FIRST_ARRIVAL =
            new java.util.concurrent.atomic.AtomicLong();

    /** Answers every request with the refusal, noting when the first of each command arrived. */
    private static void refuseAll(ServerSocket listener) {
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    InputStream in = s.getInputStream();
                    if (in.read() < 0) {
                        continue;
                    }
                    FIRST_ARRIVAL.compareAndSet(0, System.nanoTime());
                    in.readNBytes(in.available());
                    OutputStream out = s.getOutputStream();
                    out.write(REFUSAL);
                    out.flush();
                } catch (java.io.IOException e) {
                    // the listener closed, or a client went away: nothing to answer
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Runs the command to its end (its requests refused): seconds from its start to its first request. */
    private static double firstRequest(List<String> command) throws Exception {
        FIRST_ARRIVAL.set(0);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end after its requests were refused");
        }
        long arrived = FIRST_ARRIVAL.get();
        if (arrived == 0) {
            throw new IllegalStateException(String.join(" ", command) + " made no request");
        }
        return (arrived - start) / 1e9;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }
}
