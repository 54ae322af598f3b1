package org.lscb.server.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real runnable bundle, started as a separate process on loopback with its own data folder. */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServerProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts the bundle and returns without waiting; see {@link #awaitReady()} and {@link #awaitExit()}. */
    public static ServerProcess start(Path dataDir, Map<String, String> env, String... extraArgs) throws IOException {
        Path bundle = Path.of(System.getProperty("bundle.jar", "target/lscb-server.jar"));
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("the server bundle " + bundle + " is missing; run mvn package first");
        }
        int port = freePort();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        List<String> cmd = new ArrayList<>(List.of(
                javaBin(), "-Xmx512m", "-jar", bundle.toAbsolutePath().toString(), "--port", Integer.toString(port)));
        if (!"true".equalsIgnoreCase(env.get("CLUSTER"))) {
            cmd.add("--nocluster");
        }
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.getParent().toFile());
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().remove("DEMO");
        pb.environment().putAll(env);
        return new ServerProcess(pb.start(), port, dataDir, log);
    }

    public ServerProcess awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the server exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (readyStatus() == 200) {
                return this;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** Waits for the process to end by itself and answers its exit status. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("the server did not stop by itself within " + within + ":\n" + logTail());
        }
        return process.exitValue();
    }

    private int readyStatus() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(baseUrl() + "/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            c.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut or the OOM killer would stop it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The server's process: the launcher runs Payara Micro in its own JVM, so this is the process that listens. */
    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
