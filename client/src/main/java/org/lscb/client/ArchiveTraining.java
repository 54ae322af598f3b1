package org.lscb.client;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * The workload the build runs once, under {@code -XX:ArchiveClassesAtExit}, to write the client's class-data
 * sharing archive ({@code client/target/lscb-client.jsa}, README "Command-line client"): a JVM started with it maps
 * the classes a command needs, parsed and verified, instead of loading them from the jar, which is most of a short
 * command's time. So the workload touches what the commands use, all on this machine: every command's options,
 * a key made and read back, a document sealed and opened through the library, and a {@code send} whose first
 * request goes to a loopback listener that refuses it as the server refuses an unknown token. It is not a command
 * and changes nothing outside a temporary folder it removes.
 */
public final class ArchiveTraining {

    private static final byte[] REFUSAL = "{\"error\":\"unauthorized\",\"message\":\"sign in first\",\"details\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    private ArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("lscb-archive-training");
        HttpServer refuser = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refuser.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, REFUSAL.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(REFUSAL);
            }
        });
        refuser.start();
        PrintWriter silent = new PrintWriter(Writer.nullWriter());
        try {
            String server = "http://127.0.0.1:" + refuser.getAddress().getPort();
            Main.run(new String[] {"--help"}, silent, silent);
            for (String command : Main.COMMANDS.keySet()) {
                Main.run(new String[] {command, "--help"}, silent, silent);
            }
            Path password = Files.writeString(folder.resolve("password"), "archive-training-only");
            String[] common = {"--server", server, "--config", folder.toString(), "--quiet"};
            Main.run(
                    concat(common, "keygen", "--type", "ec", "--key-password-file", password.toString()),
                    silent,
                    silent);

            Identity me = KeyFile.read(folder.resolve("key.p12"), "archive-training-only".toCharArray());
            Path document = Files.write(folder.resolve("document.txt"), new byte[64 * 1024]);
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            Envelopes.prepareToSeal(me);
            try (InputStream in = Files.newInputStream(document)) {
                Envelopes.sealer(me, List.of(me.certificate())).seal(in, sealed);
            }
            Envelopes.opener(me)
                    .open(new java.io.ByteArrayInputStream(sealed.toByteArray()), folder.resolve("opened.txt"));

            Main.run(
                    concat(
                            common,
                            "send",
                            "00000000-0000-0000-0000-000000000000",
                            document.toString(),
                            "--type",
                            "IMR",
                            "--key-password-file",
                            password.toString()),
                    silent,
                    silent);
            Main.run(concat(common, "list", "00000000-0000-0000-0000-000000000000"), silent, silent);
        } finally {
            refuser.stop(0);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        // the JVM writes the archive as it exits; the send's fetch of recipients may have left pool threads behind
        System.exit(0);
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
