package org.lscb.bench.failover;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * One agency user sending envelopes to the review, one after another, each with its own upload id (also its
 * title, so that the review's document list names it). A failed attempt (no answer, a cut connection, 408, a
 * 5xx) is retried with the same upload id, as docs/api.md "Documents" (Retries) tells a client to, until another
 * answer or a bounded number of tries; every {@code echoEvery}-th acknowledged upload is sent once more with its
 * id, retried the same way, which must answer 200 with the same document.
 */
final class Uploader implements Runnable {

    /** Tries of one upload before it is given up (unacknowledged: it may or may not be kept, never twice). */
    static final int MAX_ATTEMPTS = 60;

    /** One upload: what was sent, and what the service answered. */
    static final class Upload {
        final String uploadId;
        final String sha256;
        volatile int attempts;
        volatile boolean acknowledged;
        volatile String documentId;
        volatile boolean echoed;
        volatile String echoDocumentId;
        volatile int echoStatus;

        Upload(String uploadId, String sha256) {
            this.uploadId = uploadId;
            this.sha256 = sha256;
        }
    }

    private final Answers answers;
    private final String base;
    private final String review;
    private final String token;
    private final Identity author;
    private final X509Certificate recipient;
    private final AtomicBoolean stop;
    private final ConcurrentLinkedQueue<Upload> uploads;
    private final int echoEvery;
    private final SplittableRandom random;
    private final String name;

    Uploader(
            String name,
            Answers answers,
            String base,
            String review,
            String token,
            Identity author,
            X509Certificate recipient,
            AtomicBoolean stop,
            ConcurrentLinkedQueue<Upload> uploads,
            int echoEvery,
            long seed) {
        this.name = name;
        this.answers = answers;
        this.base = base;
        this.review = review;
        this.token = token;
        this.author = author;
        this.recipient = recipient;
        this.stop = stop;
        this.uploads = uploads;
        this.echoEvery = echoEvery;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void run() {
        int acknowledged = 0;
        try {
            while (!stop.get()) {
                byte[] plain = new byte[16_384 + random.nextInt(112 * 1024)];
                for (int i = 0; i < plain.length; i++) {
                    plain[i] = (byte) random.nextInt(256);
                }
                ByteArrayOutputStream sealed = new ByteArrayOutputStream(plain.length + 4096);
                Envelopes.sealer(author, List.of(recipient)).seal(new ByteArrayInputStream(plain), sealed);
                byte[] envelope = sealed.toByteArray();
                Upload u = new Upload(
                        name + "-" + UUID.randomUUID(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(envelope)));
                uploads.add(u);
                // an upload once begun is carried to an answer even when the load stops meanwhile
                Answers.Reply r = sendRetrying(u, envelope, "upload", () -> u.attempts++);
                if (r.status() == 201 || r.status() == 200) {
                    u.acknowledged = true;
                    u.documentId = r.json().getString("id");
                } else if (!retryable(r)) {
                    System.out.printf("upload %s refused with %d: %s%n", u.uploadId, r.status(), r.text());
                }
                if (u.acknowledged && ++acknowledged % echoEvery == 0) {
                    u.echoed = true;
                    Answers.Reply again = sendRetrying(u, envelope, "upload-again", () -> {});
                    u.echoStatus = again.status();
                    if (again.status() / 100 == 2) {
                        u.echoDocumentId = again.json().getString("id");
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(name + " stopped: " + e, e);
        }
    }

    /**
     * Sends the upload until an answer that is not worth retrying, at most {@link #MAX_ATTEMPTS} times, waiting
     * {@link #retryDelayMillis} between tries; {@code beforeEach} runs before each try. Answers the last reply.
     */
    private Answers.Reply sendRetrying(Upload u, byte[] envelope, String kind, Runnable beforeEach)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            beforeEach.run();
            Answers.Reply r = send(u, envelope, kind);
            if (!retryable(r) || attempt >= MAX_ATTEMPTS) {
                return r;
            }
            Thread.sleep(retryDelayMillis(r));
        }
    }

    /** No answer, a cut connection, 408 or a 5xx: the upload is sent again with its id. */
    private static boolean retryable(Answers.Reply r) {
        return r.status() == 0 || r.status() == 408 || r.status() >= 500;
    }

    private Answers.Reply send(Upload u, byte[] envelope, String kind) {
        return answers.send(
                kind,
                HttpRequest.newBuilder(URI.create(base + "/api/v1/reviews/" + review + "/documents?type=IMR&title="
                                + u.uploadId + "&uploadId=" + u.uploadId))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/pkcs7-mime")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)));
    }

    /** {@code Retry-After} when the service gave one (at most 5 s), else half a second. */
    static long retryDelayMillis(Answers.Reply r) {
        String after = r.answer().retryAfter();
        if (after != null && after.matches("\\d{1,3}")) {
            return Math.min(5, Integer.parseInt(after)) * 1000L;
        }
        return 500;
    }
}
