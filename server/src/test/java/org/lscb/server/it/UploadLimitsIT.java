package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;

/**
 * docs/security.md B6 against the shared server (4 MiB cap, at least 64 KiB every 2 s): oversize bodies, with
 * a declared length and chunked, a body that trickles in and one that stops, are each refused in the one error shape,
 * nothing is stored, and the server goes on serving. Raw sockets, so that the client goes on sending
 * while the server answers, as a real one would.
 */
@ExtendWith(SharedServer.class)
class UploadLimitsIT {

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private byte[] envelope;
    private byte[] bigEnvelope;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        envelope = ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(100_000));
        // well-formed all the way, so that only its size is wrong
        bigEnvelope = ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(5 << 20));
    }

    @Test
    void anEnvelopeOverTheCap_withItsLengthDeclared_is413() throws Exception {
        Answer a = post("Content-Length: " + bigEnvelope.length, out -> out.write(bigEnvelope));

        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.body()).contains("\"error\":\"too_large\"");
        assertNothingStoredAndStillServing();
    }

    @Test
    void anEnvelopeOverTheCap_sentChunked_is413() throws Exception {
        Answer a = post("Transfer-Encoding: chunked", out -> {
            for (int i = 0; i < bigEnvelope.length; i += 64 * 1024) {
                int n = Math.min(64 * 1024, bigEnvelope.length - i);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bigEnvelope, i, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.body()).contains("\"error\":\"too_large\"");
        assertNothingStoredAndStillServing();
    }

    @Test
    void anEnvelopeThatTricklesIn_is408() throws Exception {
        Answer a = post("Content-Length: " + envelope.length, out -> {
            for (int i = 0; i < envelope.length; i += 1024) { // 1 KiB every 100 ms: 20 KiB per 2 s window
                out.write(envelope, i, Math.min(1024, envelope.length - i));
                out.flush();
                sleep(100);
            }
        });

        assertThat(a.status()).as(a.body()).isEqualTo(408);
        assertThat(a.body()).contains("\"error\":\"too_slow\"");
        assertNothingStoredAndStillServing();
    }

    /** A body that stops altogether is ended by the HTTP listener's read timeout (Payara's 30 s), in the same shape. */
    @Test
    void anEnvelopeThatStopsHalfWay_is408_atTheReadTimeout() throws Exception {
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        Answer a;
        try {
            a = post("Content-Length: " + envelope.length, out -> {
                out.write(envelope, 0, envelope.length / 2);
                out.flush();
                try {
                    answered.await(); // and never the rest
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            answered.countDown();
        }

        assertThat(a.status()).as(a.body()).isEqualTo(408);
        assertThat(a.body()).contains("\"error\":\"too_slow\"");
        assertNothingStoredAndStillServing();
    }

    @Test
    void theSameEnvelope_atAnOrdinaryPace_lands() throws Exception {
        Answer a = post("Content-Length: " + envelope.length, out -> out.write(envelope));

        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    private void assertNothingStoredAndStillServing() {
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/documents",
                                w.officer().token())
                        .body())
                .isEqualTo("[]");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Answer(int status, String body) {}

    /** Sends the request on its own thread and reads the answer as soon as it comes, whether or not the body was all sent. */
    private Answer post(String framing, Body body) throws Exception {
        URI base = URI.create(api.baseUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            String head = "POST /api/v1/reviews/" + reviewId
                    + "/documents?type=IMR&title=Limits HTTP/1.1\r\n"
                            .replace("title=Limits", "title=Limits" + Api.unique())
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + w.police().token() + "\r\n"
                    + "Content-Type: application/pkcs7-mime\r\n" + framing + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            // its own thread, not the common pool, which the client under test in ClientIT uses too
            CompletableFuture<Void> sending = CompletableFuture.runAsync(
                    () -> {
                        try {
                            body.writeTo(out);
                            out.flush();
                        } catch (IOException stoppedListening) {
                            // the server answered and closed before the body was all sent
                        }
                    },
                    task -> {
                        Thread t = new Thread(task, "raw-upload-body");
                        t.setDaemon(true);
                        t.start();
                    });
            String response = readAnswer(s.getInputStream());
            sending.exceptionally(e -> null);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    /**
     * One answer: its head and the body its {@code Content-Length} announces (or its chunks), without waiting for the
     * server to close the connection, which it may keep open while it drains a body it refused.
     */
    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.UTF_8);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$")
                .matcher(headText);
        byte[] body;
        if (length.find()) {
            body = in.readNBytes(Integer.parseInt(length.group(1)));
        } else if (headText.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                chunks.write(in.readNBytes(size));
                in.readNBytes(2);
            }
            body = chunks.toByteArray();
        } else {
            body = readAll(in);
        }
        return headText + new String(body, StandardCharsets.UTF_8);
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        String hex = line.toString().split(";", 2)[0].strip();
        return hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
    }

    /** Every byte the server sends until it closes or resets the connection. */
    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        try {
            while ((n = in.read(b)) >= 0) {
                buf.write(b, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // what arrived before the connection was reset is the answer
        }
        return buf.toByteArray();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
