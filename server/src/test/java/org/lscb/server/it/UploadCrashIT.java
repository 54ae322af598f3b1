package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lscb.envelope.Identity;

/**
 * docs/security.md F1: the server is killed with SIGKILL while an upload streams in. After a restart nothing
 * of it is visible, its temporary file is swept, and the same upload then lands whole.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedServer.class)
class UploadCrashIT {

    @Test
    void killedDuringAnUpload_leavesNoDocumentAndNoTemporaryFile_andTheRetryLands(Api shared) throws Exception {
        Path data = Files.createTempDirectory("lscb-crash").resolve("data");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", shared.adminPassword());
        ServerProcess first = ServerProcess.start(data, env).awaitReady();
        Api api = shared.at(first.baseUrl());
        ReviewWorld w = ReviewWorld.create(api);
        String review = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + review + "/recipients?format=pem",
                        w.police().token())
                .body());
        byte[] envelope = ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(8 << 20));
        String path = "/api/v1/reviews/" + review + "/documents?type=IMR&title=Crash&uploadId=crash-1";

        CountDownLatch never = new CountDownLatch(1);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(first.baseUrl() + path))
                        .header("Authorization", "Bearer " + w.police().token())
                        .header("Content-Type", "application/pkcs7-mime")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> halfThenStall(envelope, never)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Path incoming = data.resolve("blobs").resolve(".incoming");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partialSize(incoming) < envelope.length / 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(partialSize(incoming))
                .as("the upload reached the server's temporary file")
                .isPositive();
        first.kill();
        never.countDown();
        inFlight.handle((r, e) -> null).join();

        try (ServerProcess second = ServerProcess.start(data, env).awaitReady()) {
            Api again = api.restartedAt(second.baseUrl());
            assertThat(again.get(
                                    "/api/v1/reviews/" + review + "/documents",
                                    w.officer().token())
                            .body())
                    .isEqualTo("[]");
            assertThat(partialSize(incoming)).isZero();

            Api.Reply retry = again.send("POST", path, w.police().token(), "application/pkcs7-mime", envelope);
            assertThat(retry.status()).as(retry.body()).isEqualTo(201);
            Api.Bytes back = again.getBytes(
                    "/api/v1/documents/" + retry.json().getString("id") + "/content",
                    w.officer().token());
            assertThat(back.body()).isEqualTo(envelope);
        }
    }

    private static long partialSize(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Sends half the body, then waits until the test lets go (after the server was killed). */
    private static InputStream halfThenStall(byte[] body, CountDownLatch release) {
        return new InputStream() {
            private final ByteArrayInputStream half = new ByteArrayInputStream(body, 0, body.length / 2);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = half.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the upload was cut off");
            }
        };
    }
}
