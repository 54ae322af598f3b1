package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;
import org.lscb.exchange.store.S3BlobStore;
import org.lscb.exchange.store.S3MockServer;
import org.lscb.library.TestReports;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * docs/operations.md "Several servers": with {@code BLOB_STORE=s3://...} against S3Mock (a real S3 API server on
 * 127.0.0.1), documents are stored as objects named by their SHA-256 and come back byte-identical through the
 * API; nothing stays on the server's disk. A wrong S3 setting stops the server with a sentence naming it.
 */
@ExtendWith(SharedServer.class)
class S3BlobStoreIT {

    private static final String BUCKET = "lscb-blobs";

    @Test
    void documentsOnS3_comeBackByteIdentical_andNothingStaysOnTheServersDisk(Api shared) throws Exception {
        try (S3MockServer s3mock = S3MockServer.start(BUCKET)) {
            Path data = Files.createTempDirectory("lscb-s3").resolve("data");
            Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
            env.put("ADMIN_PASSWORD", shared.adminPassword());
            env.put("BLOB_STORE", "s3://" + BUCKET + "/board-a");
            env.put("BLOB_S3_ENDPOINT", s3mock.endpoint().toString());
            env.put("BLOB_S3_ACCESS_KEY", "lscb");
            env.put("BLOB_S3_SECRET_KEY", "s3mock-accepts-any");
            env.put("BLOB_S3_PATH_STYLE", "true");
            try (ServerProcess server = ServerProcess.start(data, env).awaitReady()) {
                Api api = shared.at(server.baseUrl());
                ReviewWorld w = ReviewWorld.create(api);
                String review = w.openScr(3).getString("id");
                KeyHolder.enrol(api, w.officer().token(), "board", false);
                Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
                List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                                "/api/v1/reviews/" + review + "/recipients?format=pem",
                                w.police().token())
                        .body());
                // over two parts of 8 MiB: a multipart upload of three
                byte[] envelope = ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(20 << 20));
                byte[] plain = ExchangeIT.bytes(100_000);

                Api.Reply up = api.send(
                        "POST",
                        "/api/v1/reviews/" + review + "/documents?type=IMR&title=Large",
                        w.police().token(),
                        "application/pkcs7-mime",
                        envelope);
                Api.Reply sealed = api.send(
                        "POST",
                        "/api/v1/reviews/" + review + "/documents/plain?type=IMR&title=Plain",
                        w.police().token(),
                        "application/octet-stream",
                        plain);

                assertThat(up.status()).as(up.body()).isEqualTo(201);
                assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);
                Api.Bytes back = api.getBytes(
                        "/api/v1/documents/" + up.json().getString("id") + "/content",
                        w.officer().token());
                assertThat(back.status()).isEqualTo(200);
                assertThat(back.body()).isEqualTo(envelope);
                assertThat(api.getBytes(
                                        "/api/v1/documents/" + sealed.json().getString("id") + "/content",
                                        w.officer().token())
                                .status())
                        .isEqualTo(200);

                try (S3Client s3 = S3BlobStore.Settings.of(
                                "s3://" + BUCKET, s3mock.endpoint().toString(), "", "lscb", "any", "true")
                        .client()) {
                    List<S3Object> objects =
                            s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("board-a/")).contents().stream()
                                    .toList();
                    assertThat(objects)
                            .extracting(S3Object::key)
                            .contains("board-a/" + up.json().getString("sha256"))
                            .hasSize(2)
                            .allMatch(k -> k.matches("board-a/[0-9a-f]{64}"));
                    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                            .isEmpty();
                }
                try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
                    assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
                }

                // a published report's files are objects beside the blobs, so every server sharing them serves it
                String published = w.openScr(200).getString("id");
                Api.Reply report = PublicationIT.publish(
                        api,
                        w.chair().token(),
                        published,
                        PublicationIT.form(TestReports.pdf(PublicationIT.page2("s3report", "town")), Map.of()));
                assertThat(report.status()).as(report.body()).isEqualTo(201);
                Api.Bytes pdf =
                        api.getBytes("/api/v1/public/reports/" + report.json().getString("id") + "/content", null);
                assertThat(pdf.status()).isEqualTo(200);
                assertThat(pdf.body()).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                try (S3Client s3 = S3BlobStore.Settings.of(
                                "s3://" + BUCKET, s3mock.endpoint().toString(), "", "lscb", "any", "true")
                        .client()) {
                    assertThat(s3
                                    .listObjectsV2Paginator(
                                            b -> b.bucket(BUCKET).prefix("board-a/.library/"))
                                    .contents()
                                    .stream()
                                    .map(S3Object::key))
                            .hasSize(3) // the report, the board's response and the report's text
                            .allMatch(k -> k.matches("board-a/\\.library/[0-9a-f]{64}"));
                }
                assertThat(data.resolve("library")).doesNotExist();
            }
        }
    }

    @Test
    void aWrongS3Setting_stopsTheServer_namingIt() throws Exception {
        Path data = Files.createTempDirectory("lscb-s3-bad").resolve("data");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("BLOB_STORE", "s3://Board_Blobs/documents");
        try (ServerProcess server = ServerProcess.start(data, env)) {
            assertThat(server.awaitExit(Duration.ofSeconds(180))).isNotZero();
            assertThat(server.log()).contains("BLOB_STORE s3://bucket/prefix needs a bucket name");
        }
    }
}
