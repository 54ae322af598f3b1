package org.lscb.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * Issue 5's benchmark, all in one run: (a) a 1 GiB envelope uploaded over HTTP to the real bundle started
 * with {@code -Xmx256m}, against a plain local copy of the same bytes, with the server's peak heap;
 * (b) sealing and opening 1 GiB with our library against {@code openssl cms -encrypt} / {@code -decrypt} on
 * the same file and algorithm (AES-256-GCM, RSA-OAEP-SHA-256 3072), time and peak memory of each process
 * measured by {@code /usr/bin/time}. Usage: {@code benchmarks/exchange/run.sh [MiB]}.
 */
public final class ExchangeBenchmark {

    private ExchangeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int mib = Integer.getInteger("mib", 1024);
        Path bundle = Path.of("server/target/lscb-server.jar");
        Path work = Files.createTempDirectory("lscb-bench-exchange");
        String toolClasspath = Path.of("benchmarks/target/classes").toAbsolutePath()
                + java.io.File.pathSeparator
                + Path.of("client/target/lscb-client.jar").toAbsolutePath();
        say("working in %s; %,d MiB", work, mib);

        // the server, as issue 5 asks: -Xmx256m, embedded database
        String admin = "bench-" + UUID.randomUUID();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        String jvmArgs = System.getProperty("server.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+"))); // e.g. a flight recording of the upload
        }
        command.addAll(
                List.of("-jar", bundle.toAbsolutePath().toString(), "--port", Integer.toString(port), "--nocluster"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", work.resolve("data").toString());
        pb.environment().put("ADMIN_PASSWORD", admin);
        pb.environment().put("DOCUMENTS_MAX_BYTES", Long.toString(4L << 30));
        Process server = pb.start();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(http, base, server);
            String adminToken = BenchSignIn.token(http, base, "admin", admin);
            String board = post(
                            http,
                            base,
                            adminToken,
                            "/api/v1/organisations",
                            "{\"name\":\"Bench LSCB\",\"kind\":\"LSCB\"}")
                    .getString("id");
            String agency = post(
                            http,
                            base,
                            adminToken,
                            "/api/v1/organisations",
                            "{\"name\":\"Bench Police\",\"kind\":\"POLICE\"}")
                    .getString("id");
            BenchSignIn.account(http, base, adminToken, "benchofficer", "LSCB_OFFICER", board);
            String officer = BenchSignIn.token(http, base, "benchofficer", BenchSignIn.PASSWORD);
            BenchSignIn.account(http, base, adminToken, "benchpolice", "AGENCY_USER", agency);
            String police = BenchSignIn.token(http, base, "benchpolice", BenchSignIn.PASSWORD);
            String review = post(
                            http,
                            base,
                            officer,
                            "/api/v1/reviews",
                            "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"BENCH-1\","
                                    + "\"pseudonym\":\"Child B\",\"leadLscbId\":\"" + board
                                    + "\",\"organisationIds\":[\"" + agency + "\"],\"dates\":{}}")
                    .getString("id");
            KeyPair boardKey = BenchKeys.rsa();
            X509Certificate boardCert = BenchKeys.enrolBoard(http, base, officer, boardKey, "bench");
            KeyPair authorKey = BenchKeys.ec();
            X509Certificate authorCert = BenchKeys.selfSigned(authorKey, "Bench author");
            Path boardP12 = p12(work.resolve("board.p12"), boardKey, boardCert);
            Path authorP12 = p12(work.resolve("author.p12"), authorKey, authorCert);
            Path boardPem = Files.writeString(work.resolve("board.pem"), pem("CERTIFICATE", boardCert.getEncoded()));
            Path boardKeyPem = Files.writeString(
                    work.resolve("board.key.pem"),
                    pem("PRIVATE KEY", boardKey.getPrivate().getEncoded()));
            Path authorPem = Files.writeString(work.resolve("author.pem"), pem("CERTIFICATE", authorCert.getEncoded()));
            Path authorKeyPem = Files.writeString(
                    work.resolve("author.key.pem"),
                    pem("PRIVATE KEY", authorKey.getPrivate().getEncoded()));

            // -Dparts=upload,seal,client measures only some of them (all by default)
            List<String> parts =
                    List.of(System.getProperty("parts", "upload,seal,client").split(","));
            Identity author = Identity.fromPkcs12(authorP12, "bench".toCharArray());
            Path plain = work.resolve("plain.bin");
            if (parts.contains("seal")) {
                writeRandom(plain, (long) mib << 20);
                byte[] plainHash = sha256(plain);
                // (b) the library against openssl, each in its own process under /usr/bin/time. Ours runs from the
                // client's jar, the one file users run: the signed Bouncy Castle jars on a plain class path cost a
                // fresh JVM another 0.1-0.5 s of signature checks as their classes load. Against openssl's streaming
                // form it is measured in rounds that take turns to go first (one pair of runs varies by a third on this
                // shared machine).
                List<String> tool = List.of(java(), "-Xmx256m", "-cp", toolClasspath, EnvelopeTool.class.getName());
                List<String> sslStreamSeal = List.of(
                        "openssl",
                        "cms",
                        "-encrypt",
                        "-stream",
                        "-binary",
                        "-aes-256-gcm",
                        "-in",
                        plain.toString(),
                        "-recip",
                        boardPem.toString(),
                        "-keyopt",
                        "rsa_padding_mode:oaep",
                        "-keyopt",
                        "rsa_oaep_md:sha256",
                        "-keyopt",
                        "rsa_mgf1_md:sha256",
                        "-outform",
                        "DER",
                        "-out",
                        work.resolve("openssl-stream.p7m").toString());
                int sealRounds = Integer.getInteger("seal.rounds", 3);
                List<Measured[]> seals = new ArrayList<>(); // {ours, openssl -stream}
                for (int r = 0; r < sealRounds; r++) {
                    Measured[] round = new Measured[2];
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn + r) % 2 == 0) {
                            // a new file each time, as openssl's is: ext4 flushes a file that was truncated when it is
                            // closed
                            Files.deleteIfExists(work.resolve("ours.p7m"));
                            round[0] = time(
                                    work,
                                    concat(
                                            tool,
                                            "seal",
                                            authorP12.toString(),
                                            "bench",
                                            boardPem.toString(),
                                            plain.toString(),
                                            work.resolve("ours.p7m").toString()));
                        } else {
                            round[1] = time(work, sslStreamSeal);
                            Files.delete(work.resolve("openssl-stream.p7m"));
                        }
                    }
                    seals.add(round);
                }
                Measured ourSeal = seals.get(seals.size() - 1)[0];
                Measured sslSeal = time(
                        work,
                        List.of(
                                "openssl",
                                "cms",
                                "-encrypt",
                                "-binary",
                                "-aes-256-gcm",
                                "-in",
                                plain.toString(),
                                "-recip",
                                boardPem.toString(),
                                "-keyopt",
                                "rsa_padding_mode:oaep",
                                "-keyopt",
                                "rsa_oaep_md:sha256",
                                "-keyopt",
                                "rsa_mgf1_md:sha256",
                                "-outform",
                                "DER",
                                "-out",
                                work.resolve("openssl.p7m").toString()));
                // the library as the server and a long-running client use it: in this JVM, after a 64 MiB warm-up
                sealRandom(author, boardCert, work, work.resolve("warm.p7m"), 64L << 20);
                Files.delete(work.resolve("warm.p7m"));
                settle();
                long inJvmStart = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(plain), 1 << 20);
                        OutputStream out =
                                new BufferedOutputStream(Files.newOutputStream(work.resolve("in-jvm.p7m")), 1 << 20)) {
                    Envelopes.sealer(author, List.of(boardCert)).seal(in, out);
                }
                double inJvmSeal = (System.nanoTime() - inJvmStart) / 1e9;
                Files.delete(work.resolve("in-jvm.p7m"));
                Files.delete(plain);
                Measured ourOpen = time(
                        work,
                        concat(
                                tool,
                                "open",
                                boardP12.toString(),
                                "bench",
                                work.resolve("ours.p7m").toString(),
                                work.resolve("ours.out").toString()));
                boolean oursIdentical = Arrays.equals(plainHash, sha256(work.resolve("ours.out")));
                Files.delete(work.resolve("ours.out"));
                Measured sslOpen = time(
                        work,
                        List.of(
                                "openssl",
                                "cms",
                                "-decrypt",
                                "-binary",
                                "-inform",
                                "DER",
                                "-in",
                                work.resolve("openssl.p7m").toString(),
                                "-recip",
                                boardPem.toString(),
                                "-inkey",
                                boardKeyPem.toString(),
                                "-out",
                                work.resolve("openssl.out").toString()));
                boolean sslIdentical = Arrays.equals(plainHash, sha256(work.resolve("openssl.out")));
                Files.delete(work.resolve("openssl.out"));
                Files.delete(work.resolve("openssl.p7m"));
                say("");
                say("(b) %,d MiB, AES-256-GCM, RSA-OAEP-SHA-256 3072; each its own process", mib);
                say(
                        "    seal  ours %6.2f s %6d MiB RSS | openssl cms -encrypt %6.2f s %6d MiB RSS | time ratio ours/openssl %.2f (goal <= 1)",
                        ourSeal.seconds(),
                        ourSeal.rssKb() >> 10,
                        sslSeal.seconds(),
                        sslSeal.rssKb() >> 10,
                        ourSeal.seconds() / sslSeal.seconds());
                List<Double> sealRatios = new ArrayList<>();
                for (int r = 0; r < seals.size(); r++) {
                    Measured[] m = seals.get(r);
                    sealRatios.add(m[0].seconds() / m[1].seconds());
                    say(
                            "    seal round %d (%s first)  ours %6.2f s %6d MiB RSS | openssl cms -encrypt -stream %6.2f s %6d MiB RSS | ratio %.2f",
                            r + 1,
                            r % 2 == 0 ? "ours" : "openssl",
                            m[0].seconds(),
                            m[0].rssKb() >> 10,
                            m[1].seconds(),
                            m[1].rssKb() >> 10,
                            m[0].seconds() / m[1].seconds());
                }
                sealRatios.sort(null);
                List<Double> sslStreamTimes =
                        new ArrayList<>(seals.stream().map(m -> m[1].seconds()).toList());
                sslStreamTimes.sort(null);
                double sslStreamMedian = sslStreamTimes.get(sslStreamTimes.size() / 2);
                say(
                        "    seal  median time ratio ours / openssl -stream = %.2f over %d rounds (goal <= 1)",
                        sealRatios.get(sealRatios.size() / 2), sealRatios.size());
                say(
                        "    seal  ours, the library in a running JVM (after a 64 MiB warm-up) %6.2f s | time ratio to openssl -stream's median %.2f",
                        inJvmSeal, inJvmSeal / sslStreamMedian);
                say(
                        "    open  ours %6.2f s %6d MiB RSS | openssl cms -decrypt %6.2f s %6d MiB RSS | speed-up %.2fx (goal >= 3), memory ratio %.2f",
                        ourOpen.seconds(),
                        ourOpen.rssKb() >> 10,
                        sslOpen.seconds(),
                        sslOpen.rssKb() >> 10,
                        sslOpen.seconds() / ourOpen.seconds(),
                        ourOpen.rssKb() / (double) sslOpen.rssKb());
                say(
                        "    plaintext identical after opening: ours %s, openssl %s (ours also signs and verifies; openssl here only encrypts)",
                        oursIdentical, sslIdentical);
            }

            if (parts.contains("upload")) {
                // (a) upload over HTTP against a plain local copy of the same bytes. The server is warmed first, as a
                // server that has been running would be: four uploads of 256 MiB, the clients taking turns. With two,
                // the server's C2 compiler threads still spent 0.5-1.7 s of CPU during the first measured GiB (methods
                // of the upload path recompiled after Grizzly's request start and end had made them deoptimise), so
                // that round ran 0.6-1 s slower than the rest; after four, 0.1-0.5 s, as in later rounds. Each round
                // then seals a fresh envelope (the store keeps equal bytes once, which would skip the fsync), lets the
                // disk settle (sync), copies it with Files.copy + fsync, settles again and uploads it, alternating
                // Java's HttpClient and curl as the client. The server's heap is read by jstat from the JVM's shared
                // performance counters every 100 ms: asking the server (GET /metrics) cost it 0.1 s of CPU per round.
                // The large warm-ups compile the loops that move bytes; a request's own path (authentication, JSON,
                // the transaction, the audit entry, H2) runs once per upload, so it is warmed by many small uploads
                // too (upload.smallWarmups, of 256 KiB each), so that a measured round does not pay for the JIT
                // compiling that path, as a server that has been running would not.
                Path envelope = work.resolve("upload.p7m");
                int warmUps = Integer.getInteger("upload.warmups", 4);
                for (int w = 0; w < warmUps; w++) {
                    sealRandom(author, boardCert, work, envelope, 256L << 20);
                    upload(http, base, review, police, envelope, "warm-up " + (w + 1), w % 2 == 1);
                }
                int smallWarmUps = Integer.getInteger("upload.smallWarmups", 300);
                for (int w = 0; w < smallWarmUps; w++) {
                    sealRandom(author, boardCert, work, envelope, 256L << 10);
                    upload(http, base, review, police, envelope, "small warm-up " + (w + 1), false);
                }
                HeapWatch heap = HeapWatch.of(server.pid());
                long heapBefore = heap.current();
                int rounds = Integer.getInteger("upload.rounds", 4);
                List<double[]> uploads = new ArrayList<>(); // {copy seconds, upload seconds, curl ? 1 : 0}
                List<String> serverCpu = new ArrayList<>(); // the server's CPU per round, by thread
                long size = 0;
                for (int r = 0; r < rounds; r++) {
                    size = sealRandom(author, boardCert, work, envelope, (long) mib << 20);
                    settle();
                    long copyStart = System.nanoTime();
                    Files.copy(envelope, work.resolve("copy.p7m"));
                    try (FileChannel ch = FileChannel.open(work.resolve("copy.p7m"), StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    double copySeconds = (System.nanoTime() - copyStart) / 1e9;
                    Files.delete(work.resolve("copy.p7m"));
                    settle();
                    boolean curl = r % 2 == 1;
                    ThreadCpu serverBefore = ThreadCpu.of(server.pid());
                    double upSeconds = upload(http, base, review, police, envelope, "Bench " + r, curl);
                    serverCpu.add(ThreadCpu.of(server.pid()).since(serverBefore));
                    uploads.add(new double[] {copySeconds, upSeconds, curl ? 1 : 0});
                }
                long heapPeak = heap.stop();
                Files.delete(envelope);
                say("");
                say(
                        "(a) upload of a %.2f GiB envelope to the bundle started with -Xmx256m, after %d x 256 MiB and %d x 256 KiB warm-up uploads",
                        size / (double) (1L << 30), warmUps, smallWarmUps);
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < uploads.size(); r++) {
                    double[] u = uploads.get(r);
                    ratios.add(u[0] / u[1]);
                    say(
                            "    round %d  %-10s %6.2f s %7.1f MB/s | local copy (Files.copy + fsync) %5.2f s %7.1f MB/s | ratio %.2f",
                            r + 1,
                            u[2] > 0 ? "curl -T" : "HttpClient",
                            u[1],
                            size / u[1] / 1e6,
                            u[0],
                            size / u[0] / 1e6,
                            u[0] / u[1]);
                    say("             server CPU: %s", serverCpu.get(r));
                }
                ratios.sort(null);
                say(
                        "    median ratio upload / local copy speed = %.2f over %d rounds (goal >= 0.5)",
                        ratios.get(ratios.size() / 2), ratios.size());
                say(
                        "    server heap: %d MiB before, peak %d MiB during the uploads (max 256 MiB)",
                        heapBefore >> 20, heapPeak >> 20);
            }

            if (parts.contains("client")) {
                // (c) issue 6: the client's send and fetch+open against openssl cms plus curl doing the same work
                Path client = Path.of("client/target/lscb-client.jar").toAbsolutePath();
                Path policeCfg = work.resolve("police-cfg");
                Path officerCfg = work.resolve("officer-cfg");
                Files.writeString(work.resolve("police.pw"), BenchSignIn.PASSWORD);
                Files.writeString(work.resolve("officer.pw"), BenchSignIn.PASSWORD);
                Files.writeString(work.resolve("key.pw"), "bench");
                List<String> clientJava = new ArrayList<>(List.of(java(), "-Xmx256m"));
                String clientJvmArgs = System.getProperty("client.jvmArgs", "");
                if (!clientJvmArgs.isBlank()) {
                    clientJava.addAll(List.of(clientJvmArgs.trim().split("\\s+"))); // e.g. a flight recording of send
                }
                clientJava.addAll(List.of("-jar", client.toString(), "--server", base, "--quiet"));
                time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                policeCfg.toString(),
                                "login",
                                "--user",
                                "benchpolice",
                                "--password-file",
                                work.resolve("police.pw").toString()));
                time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                policeCfg.toString(),
                                "keygen",
                                "--type",
                                "ec",
                                "--key-password-file",
                                work.resolve("key.pw").toString()));
                time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                policeCfg.toString(),
                                "enrol",
                                "--key-password-file",
                                work.resolve("key.pw").toString()));
                time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                officerCfg.toString(),
                                "login",
                                "--user",
                                "benchofficer",
                                "--password-file",
                                work.resolve("officer.pw").toString(),
                                "--otp",
                                BenchSignIn.nextCode("benchofficer")));
                writeRandom(plain, (long) mib << 20);
                // send is measured in rounds, lscb and openssl + curl taking turns to go first: one pair of runs on
                // this shared machine varied by up to 1.5 s either way. Each run uploads a new document. lscb send
                // signs (ECDSA P-256 here), encrypts and uploads; openssl does the same work as the README's
                // openssl-only flow does, with the signing piped straight into the encryption (an intermediate file
                // cost openssl another 0.6-2.3 s here), then curl -T. Encrypting and uploading alone, without the
                // signature lscb also makes, is measured too and its ratio printed beside.
                List<String> encrypt = List.of(
                        "openssl",
                        "cms",
                        "-encrypt",
                        "-stream",
                        "-binary",
                        "-aes-256-gcm",
                        "-recip",
                        boardPem.toString(),
                        "-keyopt",
                        "rsa_padding_mode:oaep",
                        "-keyopt",
                        "rsa_oaep_md:sha256",
                        "-keyopt",
                        "rsa_mgf1_md:sha256",
                        "-outform",
                        "DER",
                        "-out",
                        work.resolve("curl-up.p7m").toString());
                String signThenEncrypt = "openssl cms -sign -stream -binary -nodetach -md sha256 -signer '" + authorPem
                        + "' -inkey '" + authorKeyPem + "' -outform DER -in '" + plain + "' | "
                        + String.join(
                                " ", encrypt.stream().map(a -> "'" + a + "'").toList());
                // an even number of rounds, so that each side goes first as often: within one run the order moved both
                // sides' times by up to 0.4 s, for the first to go in one run and against it in the next
                int sendRounds = Integer.getInteger("send.rounds", 4);
                List<Measured[]> sends =
                        new ArrayList<>(); // {lscb send, openssl -sign | -encrypt, curl -T, openssl -encrypt alone}
                String sentId = null;
                for (int r = 0; r < sendRounds; r++) {
                    Measured[] round = new Measured[4];
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn + r) % 2 == 0) {
                            round[0] = time(
                                    work,
                                    concat(
                                            clientJava,
                                            "--config",
                                            policeCfg.toString(),
                                            "send",
                                            review,
                                            plain.toString(),
                                            "--type",
                                            "IMR",
                                            "--title",
                                            "client " + r,
                                            "--key-password-file",
                                            work.resolve("key.pw").toString()));
                            sentId = Pattern.compile("Sent ([0-9a-f-]{36})")
                                    .matcher(Files.readString(work.resolve("tool.log")))
                                    .results()
                                    .map(m -> m.group(1))
                                    .findFirst()
                                    .orElseThrow();
                        } else {
                            round[3] = time(work, concat(encrypt, "-in", plain.toString()));
                            Files.delete(work.resolve("curl-up.p7m"));
                            round[1] = time(work, List.of("bash", "-c", "set -o pipefail; " + signThenEncrypt));
                            round[2] = time(
                                    work,
                                    List.of(
                                            "curl",
                                            "-sS",
                                            "-f",
                                            "-o",
                                            "/dev/null",
                                            "-X",
                                            "POST",
                                            "-T",
                                            work.resolve("curl-up.p7m").toString(),
                                            "-H",
                                            "Authorization: Bearer " + police,
                                            "-H",
                                            "Content-Type: application/pkcs7-mime",
                                            base + "/api/v1/reviews/" + review + "/documents?type=IMR&title=openssl+"
                                                    + r));
                            Files.delete(work.resolve("curl-up.p7m"));
                        }
                    }
                    sends.add(round);
                }
                Measured clientFetch = time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                officerCfg.toString(),
                                "fetch",
                                sentId,
                                "--out",
                                work.resolve("client.p7m").toString()));
                Measured clientOpen = time(
                        work,
                        concat(
                                clientJava,
                                "--config",
                                officerCfg.toString(),
                                "open",
                                work.resolve("client.p7m").toString(),
                                "--key",
                                boardP12.toString(),
                                "--key-password-file",
                                work.resolve("key.pw").toString(),
                                "--out",
                                work.resolve("client.out").toString()));
                boolean clientIdentical = Arrays.equals(sha256(plain), sha256(work.resolve("client.out")));
                Files.delete(work.resolve("client.out"));
                Measured curlDown = time(
                        work,
                        List.of(
                                "curl",
                                "-sS",
                                "-f",
                                "-o",
                                work.resolve("curl-down.p7m").toString(),
                                "-H",
                                "Authorization: Bearer " + officer,
                                base + "/api/v1/documents/" + sentId + "/content"));
                Files.delete(plain);
                Measured sslDecrypt = time(
                        work,
                        List.of(
                                "openssl",
                                "cms",
                                "-decrypt",
                                "-binary",
                                "-inform",
                                "DER",
                                "-in",
                                work.resolve("curl-down.p7m").toString(),
                                "-recip",
                                boardPem.toString(),
                                "-inkey",
                                boardKeyPem.toString(),
                                "-out",
                                work.resolve("curl-down.out").toString()));
                Files.delete(work.resolve("curl-down.out"));
                say("");
                say("(c) the client, %,d MiB, each command its own process", mib);
                List<Double> sendRatios = new ArrayList<>();
                List<Double> unsignedRatios = new ArrayList<>();
                for (int r = 0; r < sends.size(); r++) {
                    Measured[] m = sends.get(r);
                    double reference = m[1].seconds() + m[2].seconds();
                    double unsigned = m[3].seconds() + m[2].seconds();
                    sendRatios.add(m[0].seconds() / reference);
                    unsignedRatios.add(m[0].seconds() / unsigned);
                    say(
                            "    send round %d (%s first)  lscb send %6.2f s %6d MiB | openssl -sign | -encrypt, then curl -T %6.2f s (%.2f + %.2f) %6d MiB"
                                    + " | ratio %.2f (%.2f against -encrypt alone, %.2f s)",
                            r + 1,
                            r % 2 == 0 ? "lscb" : "openssl",
                            m[0].seconds(),
                            m[0].rssKb() >> 10,
                            reference,
                            m[1].seconds(),
                            m[2].seconds(),
                            Math.max(m[1].rssKb(), m[2].rssKb()) >> 10,
                            m[0].seconds() / reference,
                            m[0].seconds() / unsigned,
                            m[3].seconds());
                }
                sendRatios.sort(null);
                unsignedRatios.sort(null);
                say(
                        "    send   median time ratio lscb / (openssl sign | encrypt, then curl) = %.2f over %d rounds (goal <= 1); against encrypt"
                                + " + curl only, without the signature lscb also makes: %.2f",
                        sendRatios.get(sendRatios.size() / 2),
                        sendRatios.size(),
                        unsignedRatios.get(unsignedRatios.size() / 2));
                say(
                        "    fetch+open lscb %6.2f s (%.2f + %.2f) %6d MiB | curl + openssl -decrypt %6.2f s (%.2f + %.2f) %6d MiB | speed-up %.2fx (goal >= 3)",
                        clientFetch.seconds() + clientOpen.seconds(),
                        clientFetch.seconds(),
                        clientOpen.seconds(),
                        Math.max(clientFetch.rssKb(), clientOpen.rssKb()) >> 10,
                        curlDown.seconds() + sslDecrypt.seconds(),
                        curlDown.seconds(),
                        sslDecrypt.seconds(),
                        Math.max(curlDown.rssKb(), sslDecrypt.rssKb()) >> 10,
                        (curlDown.seconds() + sslDecrypt.seconds()) / (clientFetch.seconds() + clientOpen.seconds()));
                say("    plaintext identical after lscb open: %s", clientIdentical);
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            if (!Boolean.getBoolean("keep")) {
                // gigabytes of envelopes and blobs; -Dkeep=true keeps them (and the server log) for a look
                new ProcessBuilder("rm", "-rf", work.toString())
                        .inheritIO()
                        .start()
                        .waitFor();
            }
        }
    }

    record Measured(double seconds, long rssKb) {}

    /** Seals {@code bytes} of fresh random content to the board with our library; returns the envelope's size. */
    private static long sealRandom(Identity author, X509Certificate to, Path work, Path envelope, long bytes)
            throws Exception {
        Path plain = work.resolve("upload-plain.bin");
        writeRandom(plain, bytes);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(plain), 1 << 20);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(envelope), 1 << 20)) {
            Envelopes.sealer(author, List.of(to)).seal(in, out);
        }
        Files.delete(plain);
        return Files.size(envelope);
    }

    /** Writes all dirty pages out, so that each measurement starts from the same disk state. */
    static void settle() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** Uploads an envelope as the agency user; the time until the 201 has arrived. */
    private static double upload(
            HttpClient http, String base, String review, String token, Path envelope, String title, boolean curl)
            throws Exception {
        String url = base + "/api/v1/reviews/" + review + "/documents?type=IMR&title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        if (curl) {
            Process p = new ProcessBuilder(
                            "curl",
                            "-sS",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{http_code}",
                            "-X",
                            "POST",
                            "-T",
                            envelope.toString(),
                            "-H",
                            "Authorization: Bearer " + token,
                            "-H",
                            "Content-Type: application/pkcs7-mime",
                            url)
                    .redirectErrorStream(true)
                    .start();
            String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            p.waitFor(30, TimeUnit.MINUTES);
            if (!status.endsWith("201")) {
                throw new IllegalStateException("curl upload answered " + status);
            }
        } else {
            HttpResponse<String> up = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/pkcs7-mime")
                            .timeout(Duration.ofMinutes(30))
                            .POST(HttpRequest.BodyPublishers.ofFile(envelope))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (up.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + up.statusCode() + ": " + up.body());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** Runs one command under {@code /usr/bin/time} after the disk has settled: wall time and peak RSS. */
    static Measured time(Path work, List<String> command) throws Exception {
        settle();
        Path out = work.resolve("time.txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", out.toString()));
        full.addAll(command);
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("tool.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + Files.readString(work.resolve("tool.log")));
        }
        String[] parts = Files.readString(out).strip().split("\\s+");
        return new Measured(Double.parseDouble(parts[parts.length - 2]), Long.parseLong(parts[parts.length - 1]));
    }

    static void writeRandom(Path file, long bytes) throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = r.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buf[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, bytes - done));
            }
        }
    }

    static byte[] sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) >= 0) {
                d.update(buf, 0, n);
            }
        }
        return d.digest();
    }

    static Path p12(Path file, KeyPair kp, X509Certificate c) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", kp.getPrivate(), "bench".toCharArray(), new X509Certificate[] {c});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "bench".toCharArray());
        }
        return file;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
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

    static void awaitReady(HttpClient http, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped before it was ready");
            }
            try {
                if (http.send(
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

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
