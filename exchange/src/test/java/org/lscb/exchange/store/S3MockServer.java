package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe's S3Mock, a real S3 API server, run from its standalone jar as a separate process (so that its Spring
 * Boot dependencies stay off the test's classpath), bound to 127.0.0.1 on a free port, storing under a
 * temporary folder. Its plain-HTTP connector binds every interface unless told otherwise: a bean definition
 * given as an extra Spring source ({@code s3mock-loopback.xml}, which scripts/lib/cluster.sh passes too) sets that
 * connector's address to 127.0.0.1 too.
 */
public final class S3MockServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** The extra Spring source that sets the address of S3MockConfiguration's plain-HTTP connector. */
    private static final String LOOPBACK_BEANS = "/s3mock-loopback.xml";

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts S3Mock with these buckets and waits until it answers. */
    public static S3MockServer start(String... buckets) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "S3Mock's jar " + jar + " is missing; mvn generate-test-resources copies it");
        }
        Path dir = Files.createTempDirectory("s3mock");
        // copied to a file: S3Mock runs in its own process, which cannot read this class path
        Path beans = dir.resolve("loopback.xml");
        try (InputStream in = S3MockServer.class.getResourceAsStream(LOOPBACK_BEANS)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + LOOPBACK_BEANS + " is missing");
            }
            Files.copy(in, beans);
        }
        Path log = dir.resolve("s3mock.log");
        int port = freePort();
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1",
                "--server.port=0", // the HTTPS connector, unused
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--spring.main.sources=" + beans.toUri(),
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3MockServer server = new S3MockServer(p, port, log);
        server.awaitReady();
        return server;
    }

    /** The endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (answers()) {
                return;
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("S3Mock was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
