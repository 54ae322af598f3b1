package org.lscb.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lscb.bench.ExchangeBenchmark.Measured;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 24's benchmark: sealing and opening at the sizes boards send (1 MiB, 20 MiB, 512 MiB, 1 GiB by default), in
 * one run, each against openssl doing the same work and against the limit of the primitives underneath.
 *
 * <ul>
 *   <li><b>limit:</b> the JDK's own AES-256-GCM and SHA-256 on one core, measured by JMH ({@link PrimitiveLimit}) in
 *       this run; every byte of a seal or an open goes through both, so the limit is 1 / (time per byte of each
 *       summed);
 *   <li><b>in a running JVM:</b> the library sealing (signing with ECDSA P-256, encrypting with AES-256-GCM to an
 *       RSA-3072 recipient) and opening file to file, after a warm-up, as the server and a long-running client use
 *       it; this is what is held against the limit;
 *   <li><b>own process:</b> the same through {@link EnvelopeTool} in a fresh JVM, against {@code openssl cms -sign
 *       -stream | openssl cms -encrypt -stream} and {@code openssl cms -decrypt | openssl cms -verify}, each under
 *       {@code /usr/bin/time}, taking turns to go first; the median of the rounds' ratios.
 * </ul>
 *
 * Usage: {@code benchmarks/exchange/speed.sh [MiB,...]}; {@code -Drounds=N} (default 3); {@code -Dprofile=seal} or
 * {@code open} repeats only that in this JVM, for a profiler ({@code BENCH_JVM_ARGS} in the script).
 */
public final class ExchangeSpeedBenchmark {

    private ExchangeSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("sizes", "1,20,512,1024").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
        int rounds = Integer.getInteger("rounds", 3);
        Path work = Files.createTempDirectory("lscb-bench-speed");
        say("working in %s; sizes %s MiB, %d rounds each", work, Arrays.toString(sizes), rounds);

        KeyPair recipientKey = BenchKeys.rsa();
        X509Certificate recipientCert = BenchKeys.selfSigned(recipientKey, "Bench board");
        KeyPair authorKey = BenchKeys.ec();
        X509Certificate authorCert = BenchKeys.selfSigned(authorKey, "Bench author");
        Path recipientP12 = ExchangeBenchmark.p12(work.resolve("board.p12"), recipientKey, recipientCert);
        Path authorP12 = ExchangeBenchmark.p12(work.resolve("author.p12"), authorKey, authorCert);
        Path recipientPem = pemFile(work, "board.pem", "CERTIFICATE", recipientCert.getEncoded());
        Path recipientKeyPem = pemFile(
                work, "board.key.pem", "PRIVATE KEY", recipientKey.getPrivate().getEncoded());
        Path authorPem = pemFile(work, "author.pem", "CERTIFICATE", authorCert.getEncoded());
        Path authorKeyPem = pemFile(
                work, "author.key.pem", "PRIVATE KEY", authorKey.getPrivate().getEncoded());
        Identity author = Identity.fromPkcs12(authorP12, "bench".toCharArray());
        Identity recipient = Identity.fromPkcs12(recipientP12, "bench".toCharArray());

        // the library in this JVM, warmed as a server or a long-running client is
        Path plain = work.resolve("plain.bin");
        Path envelope = work.resolve("ours.p7m");
        Path opened = work.resolve("ours.out");
        ExchangeBenchmark.writeRandom(plain, 64L << 20);
        for (int i = 0; i < 3; i++) {
            seal(author, recipientCert, plain, envelope);
            open(recipient, envelope, opened);
        }

        String profile = System.getProperty("profile", "");
        if (!profile.isEmpty()) {
            // -Dprofile=seal|open: only that, in this JVM, over the first size (-Dprofile.times, default 5), for a
            // profiler
            ExchangeBenchmark.writeRandom(plain, (long) sizes[0] << 20);
            seal(author, recipientCert, plain, envelope);
            int times = Integer.getInteger("profile.times", 5);
            double sum = 0;
            for (int i = 0; i < times; i++) {
                double s = profile.equals("seal")
                        ? seal(author, recipientCert, plain, envelope)
                        : open(recipient, envelope, opened);
                sum += s;
                if (times <= 10) {
                    say("  %s %d MiB in this JVM: %.3f s", profile, sizes[0], s);
                }
            }
            say("  %s %d MiB in this JVM: %.4f s on average over %d", profile, sizes[0], sum / times, times);
            return;
        }

        Limit limit = limit();
        say(
                "limit (JMH, one core): AES-256-GCM %.0f MB/s, SHA-256 %.0f MB/s; both over each byte: %.0f MB/s",
                limit.gcmMbps(), limit.shaMbps(), limit.mbps());

        // the library as the client runs it: from the client's jar with the class-data sharing archive the build
        // writes beside it (README), which holds for any classpath that begins with the jar
        Path clientJar = Path.of("client/target/lscb-client.jar").toAbsolutePath();
        List<String> ours = List.of(
                ExchangeBenchmark.java(),
                "-Xmx256m",
                "-XX:SharedArchiveFile=" + clientJar.resolveSibling("lscb-client.jsa"),
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-cp",
                clientJar
                        + java.io.File.pathSeparator
                        + Path.of("benchmarks/target/classes").toAbsolutePath(),
                EnvelopeTool.class.getName());
        List<String> rows = new ArrayList<>();
        for (int mib : sizes) {
            long bytes = (long) mib << 20;
            ExchangeBenchmark.writeRandom(plain, bytes);
            byte[] plainHash = ExchangeBenchmark.sha256(plain);
            double[] sealIn = new double[rounds];
            double[] openIn = new double[rounds];
            double[] sealRatios = new double[rounds];
            double[] openRatios = new double[rounds];
            Measured[][] seals = new Measured[rounds][2];
            Measured[][] opens = new Measured[rounds][2];
            String sslSeal = "openssl cms -sign -stream -binary -nodetach -md sha256 -signer '" + authorPem
                    + "' -inkey '" + authorKeyPem + "' -outform DER -in '" + plain + "'"
                    + " | openssl cms -encrypt -stream -binary -aes-256-gcm -recip '" + recipientPem
                    + "' -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256 -keyopt rsa_mgf1_md:sha256"
                    + " -outform DER -out '" + work.resolve("openssl.p7m") + "'";
            String sslOpen = "openssl cms -decrypt -binary -inform DER -in '" + work.resolve("openssl.p7m")
                    + "' -recip '" + recipientPem + "' -inkey '" + recipientKeyPem + "'"
                    + " | openssl cms -verify -binary -noverify -inform DER -out '" + work.resolve("openssl.out")
                    + "'";
            for (int r = 0; r < rounds; r++) {
                ExchangeBenchmark.settle();
                sealIn[r] = seal(author, recipientCert, plain, envelope);
                ExchangeBenchmark.settle();
                openIn[r] = open(recipient, envelope, opened);
                check(plainHash, opened, "ours, in this JVM");
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn + r) % 2 == 0) {
                        Files.deleteIfExists(envelope);
                        seals[r][0] = ExchangeBenchmark.time(
                                work,
                                ExchangeBenchmark.concat(
                                        ours,
                                        "seal",
                                        authorP12.toString(),
                                        "bench",
                                        recipientPem.toString(),
                                        plain.toString(),
                                        envelope.toString()));
                        Files.deleteIfExists(opened);
                        opens[r][0] = ExchangeBenchmark.time(
                                work,
                                ExchangeBenchmark.concat(
                                        ours,
                                        "open",
                                        recipientP12.toString(),
                                        "bench",
                                        envelope.toString(),
                                        opened.toString()));
                        check(plainHash, opened, "ours, own process");
                    } else {
                        Files.deleteIfExists(work.resolve("openssl.p7m"));
                        seals[r][1] = ExchangeBenchmark.time(work, List.of("bash", "-o", "pipefail", "-c", sslSeal));
                        Files.deleteIfExists(work.resolve("openssl.out"));
                        opens[r][1] = ExchangeBenchmark.time(work, List.of("bash", "-o", "pipefail", "-c", sslOpen));
                        check(plainHash, work.resolve("openssl.out"), "openssl");
                    }
                }
                sealRatios[r] = seals[r][0].seconds() / seals[r][1].seconds();
                openRatios[r] = opens[r][0].seconds() / opens[r][1].seconds();
                say(
                        "  %5d MiB round %d: in this JVM seal %.3f s, open %.3f s | own process seal %.2f s %d MiB,"
                                + " open %.2f s %d MiB | openssl sign|encrypt %.2f s %d MiB, decrypt|verify %.2f s %d MiB",
                        mib,
                        r + 1,
                        sealIn[r],
                        openIn[r],
                        seals[r][0].seconds(),
                        seals[r][0].rssKb() >> 10,
                        opens[r][0].seconds(),
                        opens[r][0].rssKb() >> 10,
                        seals[r][1].seconds(),
                        seals[r][1].rssKb() >> 10,
                        opens[r][1].seconds(),
                        opens[r][1].rssKb() >> 10);
            }
            double sealMbps = bytes / median(sealIn) / 1e6;
            double openMbps = bytes / median(openIn) / 1e6;
            rows.add(String.format(
                    "| %d MiB | %.0f MB/s, **%.0f%%** | %.0f MB/s, **%.0f%%** | %.2f s / %.2f s = **%.2f** | %.2f s / %.2f s = **%.2f** |",
                    mib,
                    sealMbps,
                    100 * sealMbps / limit.mbps(),
                    openMbps,
                    100 * openMbps / limit.mbps(),
                    median(column(seals, 0)),
                    median(column(seals, 1)),
                    median(sealRatios),
                    median(column(opens, 0)),
                    median(column(opens, 1)),
                    median(openRatios)));
        }
        say("");
        say(
                "limit %.0f MB/s (AES-256-GCM %.0f, SHA-256 %.0f, one core); goals from 20 MiB up: >= 60%% of the limit in"
                        + " a running JVM, own process / openssl <= 1",
                limit.mbps(), limit.gcmMbps(), limit.shaMbps());
        say("| size | seal in a running JVM, %% of limit | open in a running JVM, %% of limit"
                + " | seal, own process / openssl sign \\| encrypt | open, own process / openssl decrypt \\| verify |");
        say("| --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        if (!Boolean.getBoolean("keep")) {
            try (var files = Files.walk(work)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    record Limit(double gcmMicrosPerMib, double shaMicrosPerMib) {
        double gcmMbps() {
            return (1 << 20) / gcmMicrosPerMib;
        }

        double shaMbps() {
            return (1 << 20) / shaMicrosPerMib;
        }

        double mbps() {
            return (1 << 20) / (gcmMicrosPerMib + shaMicrosPerMib);
        }
    }

    private static Limit limit() throws Exception {
        double gcm = 0;
        double sha = 0;
        for (RunResult result : new Runner(new OptionsBuilder()
                        .include(PrimitiveLimit.class.getName())
                        .jvmArgsAppend("-Xmx256m")
                        .build())
                .run()) {
            double score = result.getPrimaryResult().getScore();
            if (result.getParams().getBenchmark().endsWith("aesGcm")) {
                gcm = score;
            } else {
                sha = score;
            }
        }
        return new Limit(gcm, sha);
    }

    /**
     * One seal into a new file, as a client makes one: the last round's file is removed first, outside the time, as
     * giving its pages back to the system is no part of sealing.
     */
    private static double seal(Identity author, X509Certificate to, Path plain, Path envelope) throws Exception {
        Files.deleteIfExists(envelope);
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(plain), 1 << 20);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(envelope), 1 << 20)) {
            Envelopes.sealer(author, List.of(to)).seal(in, out);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One open into a new file; the last round's is removed first, outside the time, as for {@link #seal}. */
    private static double open(Identity me, Path envelope, Path target) throws Exception {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(envelope)) {
            Envelopes.opener(me).open(in, target);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(byte[] expected, Path file, String who) throws Exception {
        if (!Arrays.equals(expected, ExchangeBenchmark.sha256(file))) {
            throw new IllegalStateException(who + ": the opened plaintext differs from the original");
        }
    }

    private static Path pemFile(Path work, String name, String type, byte[] der) throws Exception {
        return Files.writeString(work.resolve(name), ExchangeBenchmark.pem(type, der));
    }

    private static double[] column(Measured[][] m, int i) {
        return Arrays.stream(m).mapToDouble(row -> row[i].seconds()).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
