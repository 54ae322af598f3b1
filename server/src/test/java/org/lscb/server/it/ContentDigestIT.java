package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.envelope.Identity;

/**
 * {@code Content-Digest} on uploads (RFC 9530, issue 16): when an upload carries it, the body that arrived must
 * have that digest, or the upload is a 400 with nothing kept: no document, no blob, no temporary file. A
 * malformed field is a 400 too. Envelope uploads are checked against the envelope's bytes as sent, plain
 * uploads against the plaintext sent.
 */
@ExtendWith(SharedServer.class)
class ContentDigestIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Api api;
    private Path blobs;
    private ReviewWorld w;
    private String reviewId;
    private Identity agency;

    @BeforeEach
    void world(Api api, ServerProcess server) throws Exception {
        this.api = api;
        this.blobs = server.dataDir().resolve("blobs");
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        agency = KeyHolder.enrol(api, w.police().token(), null, false);
    }

    @Test
    void anEnvelopeWithItsOwnDigest_isStored() throws Exception {
        byte[] envelope = envelope(5000);

        Api.Reply r = upload(envelope, "application/pkcs7-mime", "sha-256=:" + b64(sha256(envelope)) + ":");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("sha256")).isEqualTo(HexFormat.of().formatHex(sha256(envelope)));
        assertThat(documents()).hasSize(1);
    }

    @Test
    void anEnvelopeWhoseBodyDiffersFromItsDigest_is400_andNothingIsKept() throws Exception {
        byte[] envelope = envelope(5000);
        byte[] other = envelope(5000);
        Set<Path> filesBefore = files();

        Api.Reply r = upload(envelope, "application/pkcs7-mime", "sha-256=:" + b64(sha256(other)) + ":");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("digest_mismatch");
        assertThat(r.json().getString("message")).contains("sha-256").contains(b64(sha256(envelope)));
        assertNothingKept(filesBefore);
        assertThat(Files.exists(
                        blobs.resolve(sha256Hex(envelope).substring(0, 2)).resolve(sha256Hex(envelope))))
                .isFalse();
        assertThat(ReviewsIT.audit(api, reviewId)).contains("DOCUMENT_REFUSED");
        // the server goes on serving, and the same body with its own digest is stored
        assertThat(upload(envelope, "application/pkcs7-mime", "sha-256=:" + b64(sha256(envelope)) + ":")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anEnvelopeInsideAnOuterSignature_isCheckedAgainstTheBytesAsSent_notTheEnvelopeStored() throws Exception {
        byte[] inner = envelope(3000);
        byte[] signed = ExchangeIT.outerSign(agency, inner);

        Api.Reply byInner = upload(signed, "application/pkcs7-mime", "sha-256=:" + b64(sha256(inner)) + ":");
        Api.Reply bySent = upload(signed, "application/pkcs7-mime", "sha-256=:" + b64(sha256(signed)) + ":");

        assertThat(byInner.status()).as(byInner.body()).isEqualTo(400);
        assertThat(byInner.error()).isEqualTo("digest_mismatch");
        assertThat(bySent.status()).as(bySent.body()).isEqualTo(201);
        assertThat(bySent.json().getString("sha256")).isEqualTo(sha256Hex(inner));
    }

    @Test
    void sha512_isCheckedToo_andAMismatchInEitherAlgorithmRefuses() throws Exception {
        byte[] envelope = envelope(4000);
        String good256 = "sha-256=:" + b64(sha256(envelope)) + ":";
        String good512 = "sha-512=:" + b64(MessageDigest.getInstance("SHA-512").digest(envelope)) + ":";
        String bad512 = "sha-512=:" + b64(MessageDigest.getInstance("SHA-512").digest(envelope(10))) + ":";
        Set<Path> filesBefore = files();

        Api.Reply onlyBad512 = upload(envelope, "application/pkcs7-mime", bad512);
        Api.Reply good256Bad512 = upload(envelope, "application/pkcs7-mime", good256 + ", " + bad512);

        assertThat(onlyBad512.status()).as(onlyBad512.body()).isEqualTo(400);
        assertThat(onlyBad512.error()).isEqualTo("digest_mismatch");
        assertThat(good256Bad512.status()).as(good256Bad512.body()).isEqualTo(400);
        assertNothingKept(filesBefore);
        assertThat(upload(envelope, "application/pkcs7-mime", good512 + ", " + good256)
                        .status())
                .isEqualTo(201);
    }

    /** RFC 9530: a recipient may ignore digests of algorithms it does not check; a field naming only those checks nothing. */
    @Test
    void aFieldNamingOnlyUnknownAlgorithms_isIgnored() throws Exception {
        byte[] envelope = envelope(1000);

        Api.Reply r =
                upload(envelope, "application/pkcs7-mime", "sha3-256=:" + b64(new byte[32]) + ":, unixsum=:AAAA:");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "Content-Digest: {0}")
    @ValueSource(
            strings = {
                "sha-256", // a bare key: the boolean true, not a digest
                "sha-256=abc", // a token, not a byte sequence
                "sha-256=:not base64!:", // not base64
                "sha-256=:AAAA", // not closed
                "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==:", // 31 bytes
                "sha-512=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:", // 32 bytes for sha-512
                "SHA-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:", // keys are lower case
                "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:,", // a trailing comma
                "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=: x", // text after the member
                "sha-256 = :AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:", // spaces around =
                "X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", // a bare digest, as the old Digest field had it
            })
    void aMalformedField_is400NamingIt_onBothKindsOfUpload_andNothingIsKept(String field) throws Exception {
        Set<Path> filesBefore = files();

        Api.Reply envelope = upload(envelope(500), "application/pkcs7-mime", field);
        Api.Reply plain = uploadPlain(ExchangeIT.bytes(500), field);

        for (Api.Reply r : List.of(envelope, plain)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid_request");
            assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("Content-Digest");
        }
        assertNothingKept(filesBefore);
    }

    @Test
    void aPlainUploadWithTheDigestOfItsPlaintext_isStored() throws Exception {
        byte[] plaintext = ExchangeIT.bytes(20_000);

        Api.Reply r = uploadPlain(plaintext, "sha-256=:" + b64(sha256(plaintext)) + ":");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(documents()).hasSize(1);
    }

    @Test
    void aPlainUploadWhosePlaintextDiffersFromItsDigest_is400_andNothingIsKept() throws Exception {
        byte[] plaintext = ExchangeIT.bytes(20_000);
        byte[] changed = plaintext.clone();
        changed[12_345] ^= 1;
        Set<Path> filesBefore = files();

        Api.Reply r = uploadPlain(changed, "sha-256=:" + b64(sha256(plaintext)) + ":");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("digest_mismatch");
        assertNothingKept(filesBefore);
        assertThat(ReviewsIT.audit(api, reviewId)).contains("DOCUMENT_REFUSED");
    }

    @Test
    void theServedApiDescription_namesTheField() {
        assertThat(api.get("/openapi", null).body()).contains("Content-Digest").contains("digest_mismatch");
    }

    private void assertNothingKept(Set<Path> filesBefore) throws IOException {
        assertThat(documents()).isEmpty();
        // no new blob and no temporary file; a file may go (another test's duplicate being removed), none may come
        assertThat(files()).isSubsetOf(filesBefore);
        assertThat(files()).filteredOn(p -> p.toString().endsWith(".part")).isEmpty();
    }

    /** Every file under the blob store, temporary ones included; none before the first upload made the folder. */
    private Set<Path> files() throws IOException {
        if (!Files.isDirectory(blobs)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(blobs)) {
            return all.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private List<JsonObject> documents() {
        return api.get("/api/v1/reviews/" + reviewId + "/documents", w.officer().token())
                .value()
                .asJsonArray()
                .getValuesAs(JsonObject.class);
    }

    private byte[] envelope(int size) throws Exception {
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        return ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(size));
    }

    private Api.Reply upload(byte[] body, String contentType, String contentDigest) {
        return send(
                "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=Digest", contentType, contentDigest, body);
    }

    private Api.Reply uploadPlain(byte[] body, String contentDigest) {
        return send(
                "/api/v1/reviews/" + reviewId + "/documents/plain?type=IMR&title=Digest",
                "application/octet-stream",
                contentDigest,
                body);
    }

    /** Api has no way to add a header; this is its send with {@code Content-Digest}. */
    private Api.Reply send(String path, String contentType, String contentDigest, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + w.police().token())
                .header("Content-Type", contentType)
                .header("Content-Digest", contentDigest)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static String sha256Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(sha256(b));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
