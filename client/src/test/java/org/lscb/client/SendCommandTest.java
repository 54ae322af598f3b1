package org.lscb.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.Sealer;

/**
 * {@code lscb send} against a stand-in for the server that records what arrives: the upload carries a
 * {@code Content-Digest} that is the SHA-256 of exactly the body sent, that body is the envelope (it opens to
 * the file), and the staged envelope leaves nothing in the temporary folder, whether the upload lands or not.
 */
class SendCommandTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    @TempDir
    Path dir;

    private HttpServer server;
    private KeyPair caKey;
    private X509Certificate ca;
    private Identity recipient;
    private Path config;
    private Path keyFile;
    private Path keyPassword;
    private Path staging;
    private int uploadStatus = 201;
    private final AtomicReference<Upload> uploaded = new AtomicReference<>();
    private final AtomicReference<String> recipientsAsked = new AtomicReference<>();

    /** What the stand-in saw of the upload, and what was in the staging folder while the body arrived. */
    private record Upload(String contentDigest, byte[] body, List<Path> stagingFilesMeanwhile) {}

    @BeforeEach
    void deployment() throws Exception {
        caKey = ec();
        ca = certificate("Test CA", caKey.getPublic(), caKey.getPrivate(), true);
        KeyPair recipientKey = ec();
        recipient = Identity.of(
                recipientKey.getPrivate(), certificate("Board", recipientKey.getPublic(), caKey.getPrivate(), false));
        KeyPair authorKey = ec();
        X509Certificate author = certificate("Agency", authorKey.getPublic(), caKey.getPrivate(), false);

        config = dir.resolve("cfg");
        Settings settings = new Settings(config);
        settings.saveToken("a-token");
        settings.pinCa(pem(ca));
        keyFile = dir.resolve("agency.p12");
        KeyFile.write(keyFile, authorKey.getPrivate(), author, "key-password".toCharArray());
        keyPassword = Files.writeString(dir.resolve("key.pw"), "key-password");
        staging = Files.createDirectories(dir.resolve("staging"));

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String recipients =
                "[{\"id\":\"c1\",\"pem\":\"" + pem(recipient.certificate()).replace("\n", "\\n") + "\"}]";
        server.createContext("/api/v1/reviews/r1/recipients", ex -> {
            recipientsAsked.set(ex.getRequestURI().getRawQuery());
            answer(ex, 200, recipients);
        });
        server.createContext(
                "/api/v1/keys/" + author.getSerialNumber().toString(16),
                ex -> answer(ex, 200, "{\"status\":\"ACTIVE\"}"));
        server.createContext("/api/v1/reviews/r1/documents", ex -> {
            List<Path> meanwhile;
            try (Stream<Path> files = Files.list(staging)) {
                meanwhile = files.toList();
            }
            uploaded.set(new Upload(
                    ex.getRequestHeaders().getFirst("Content-Digest"),
                    ex.getRequestBody().readAllBytes(),
                    meanwhile));
            answer(
                    ex,
                    uploadStatus,
                    uploadStatus == 201
                            ? "{\"id\":\"d1\",\"recipients\":[\"c1\"],\"sha256\":\"00\"}"
                            : "{\"error\":\"digest_mismatch\",\"message\":\"the body received does not match its Content-Digest\",\"details\":{}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void send_uploadsTheEnvelope_withTheSha256OfExactlyTheBytesSent() throws Exception {
        Path file = Files.write(dir.resolve("imr.pdf"), random(3 * 1024 * 1024 + 5)); // more than one 1 MiB buffer

        Result r = send(file);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sent d1");
        assertThat(recipientsAsked.get())
                .as("need to know: whom a document is sealed to is the server's answer for its type")
                .isEqualTo("type=IMR");
        Upload up = uploaded.get();
        assertThat(up.contentDigest())
                .isEqualTo("sha-256=:"
                        + Base64.getEncoder()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-256").digest(up.body())) + ":");
        Path opened = dir.resolve("opened");
        Envelopes.opener(recipient, ca).open(new ByteArrayInputStream(up.body()), opened);
        assertThat(Files.mismatch(opened, file))
                .as("the body is the envelope of the file")
                .isEqualTo(-1L);
    }

    @Test
    @DisabledOnOs(
            value = OS.WINDOWS,
            disabledReason = "an open file cannot be unlinked there; it is deleted on close instead")
    void theStagedEnvelope_hasNoNameWhileItIsSent_andNothingIsLeftAfterwards() throws Exception {
        Path file = Files.write(dir.resolve("imr.pdf"), random(100_000));

        Result r = send(file);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(uploaded.get().stagingFilesMeanwhile())
                .as("unlinked as soon as it was open (POSIX)")
                .isEmpty();
        assertThat(files(staging)).isEmpty();
    }

    @Test
    void aRefusedUpload_saysWhy_andLeavesNothingStaged() throws Exception {
        uploadStatus = 400;
        Path file = Files.write(dir.resolve("imr.pdf"), random(100_000));

        Result r = send(file);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("400 digest_mismatch").doesNotContain("Exception");
        assertThat(files(staging)).isEmpty();
    }

    @Test
    void aStagingFolderThatDoesNotExist_isNamedBeforeTheKeyIsRead_andNothingIsSent() throws Exception {
        Path file = Files.write(dir.resolve("imr.pdf"), random(1000));
        staging = dir.resolve("no-such-folder");
        Files.delete(keyFile);

        Result r = send(file);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains("no-such-folder")
                .contains("--temp-dir")
                .contains("nothing was sent")
                .doesNotContain("key file");
        assertThat(uploaded.get()).isNull();
    }

    /** The pinned CA is parsed after the recipients are asked for, but its absence still stops the send before that. */
    @Test
    void withoutAPinnedCa_nothingIsAskedOrSent() throws Exception {
        Path file = Files.write(dir.resolve("imr.pdf"), random(1000));
        Files.delete(config.resolve("ca.pem"));

        Result r = send(file);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no pinned CA");
        assertThat(recipientsAsked.get()).isNull();
        assertThat(uploaded.get()).isNull();
    }

    /** A recipient certificate that the pinned CA did not issue is refused when the answer comes: nothing is sent. */
    @Test
    void aRecipientNotFromThePinnedCa_isRefused_andNothingIsSent() throws Exception {
        Path file = Files.write(dir.resolve("imr.pdf"), random(1000));
        KeyPair otherCa = ec();
        new Settings(config).pinCa(pem(certificate("Other CA", otherCa.getPublic(), otherCa.getPrivate(), true)));

        Result r = send(file);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("is not from the pinned deployment CA");
        assertThat(recipientsAsked.get()).isNotNull();
        assertThat(uploaded.get()).isNull();
    }

    /** The JDK's AES-GCM stops at 2 GiB: a larger file is refused before the key is read or a byte is sent. */
    @Test
    void aFileLargerThanAnAesGcmEnvelopeHolds_isRefusedBeforeAnythingIsSent() throws Exception {
        Path big = dir.resolve("video.mp4");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Sealer.MAX_GCM_DOCUMENT_BYTES + 1); // sparse: takes no disk space
        }
        StringWriter err = new StringWriter();

        // no server listens on port 9 and no key exists: the refusal must come before either is needed
        int status = Main.run(
                new String[] {
                    "--server",
                    "http://127.0.0.1:9",
                    "--config",
                    dir.resolve("cfg").toString(),
                    "send",
                    "a-review",
                    big.toString(),
                    "--type",
                    "IMR"
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("AES-256-GCM envelope holds at most")
                .contains("nothing was sent")
                .doesNotContain("Exception");
    }

    private record Result(int status, String out, String err) {}

    private Result send(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(
                new String[] {
                    "--server",
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--config",
                    config.toString(),
                    "--quiet",
                    "send",
                    "r1",
                    file.toString(),
                    "--type",
                    "IMR",
                    "--key",
                    keyFile.toString(),
                    "--key-password-file",
                    keyPassword.toString(),
                    "--temp-dir",
                    staging.toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.toList());
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** Valid from a day before now to a day after: the test does not depend on the date it runs. */
    private X509Certificate certificate(String cn, PublicKey subject, PrivateKey issuerKey, boolean isCa)
            throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(
                new X500Name("CN=Test CA"),
                BigInteger.valueOf(SERIAL.getAndIncrement()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=" + cn),
                subject);
        if (isCa) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
