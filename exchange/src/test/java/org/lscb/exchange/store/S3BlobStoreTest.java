package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 blob store against S3Mock, a real S3 API server on 127.0.0.1. */
class S3BlobStoreTest {

    private static final String BUCKET = "blobs";
    private static final long MIB = 1L << 20;

    private static S3MockServer s3mock;
    private static S3Client s3;

    @TempDir
    Path dir;

    /** Each test under a prefix of its own, so that listings see only its objects. */
    private S3BlobStore.Settings settings;

    @BeforeAll
    static void startS3Mock() throws Exception {
        s3mock = S3MockServer.start(BUCKET);
        s3 = settingsAt("s3://" + BUCKET + "/any").client();
    }

    @AfterAll
    static void stopS3Mock() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @BeforeEach
    void ownPrefix() {
        settings = settingsAt("s3://" + BUCKET + "/documents/" + UUID.randomUUID());
    }

    private static S3BlobStore.Settings settingsAt(String location) {
        return S3BlobStore.Settings.of(location, s3mock.endpoint().toString(), "", "test", "test-secret", "true");
    }

    private S3BlobStore store(IntConsumer afterPart) throws IOException {
        return new S3BlobStore(dir.resolve("incoming"), BlobStore.Staging.PAGE_CACHE, s3, settings, 8 * MIB, afterPart);
    }

    private S3BlobStore store() throws IOException {
        return store(part -> {});
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private BlobStore.Staged staged(BlobStore store, byte[] body) throws IOException {
        return store.stage(new ByteArrayInputStream(body), body.length, in -> in);
    }

    private List<S3Object> objects() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(settings.prefix() + "/")).contents().stream()
                .toList();
    }

    private int pendingUploads() {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(settings.prefix() + "/"))
                .uploads()
                .size();
    }

    @Test
    void aBodyOfThreeParts_comesBackByteIdentical_underItsHash_withNothingLeftStaged() throws Exception {
        S3BlobStore store = store();
        byte[] body = bytes((int) (20 * MIB), 1);
        BlobStore.Staged staged = staged(store, body);
        java.util.List<Integer> parts = new java.util.ArrayList<>();

        StoredBlob blob = store(parts::add).commit(staged);

        assertThat(parts).containsExactly(1, 2, 3);
        assertThat(blob.size()).isEqualTo(body.length);
        try (InputStream in = store.open(blob.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(objects())
                .extracting(S3Object::key, S3Object::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        settings.prefix() + "/" + blob.sha256(), (long) body.length));
        assertThat(pendingUploads()).isZero();
        assertThat(Files.exists(staged.file())).isFalse();
        // the object's checksum that commit checked: the SHA-256 of the three parts' SHA-256s
        assertThat(s3.headObject(b -> b.bucket(BUCKET)
                                .key(store.keyOf(blob.sha256()))
                                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED))
                        .checksumSHA256())
                .endsWith("-3");
    }

    @Test
    void anUploadInterruptedAfterItsFirstPart_leavesNoObjectAndNoPendingUpload() throws Exception {
        S3BlobStore store = store(part -> Thread.currentThread().interrupt());
        BlobStore.Staged staged = staged(store, bytes((int) (20 * MIB), 2));
        try {
            // wherever the interrupt lands: reading the staged file (ClosedByInterruptException) or in the SDK
            assertThatThrownBy(() -> store.commit(staged)).isInstanceOf(IOException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(objects()).isEmpty();
        assertThat(pendingUploads()).isZero();
        assertThatThrownBy(() -> store.open(staged.sha256())).isInstanceOf(NoSuchFileException.class);
        store.discard(staged);
    }

    @Test
    void anUploadThatFailsAfterItsSecondPart_leavesNoObjectAndNoPendingUpload() throws Exception {
        S3BlobStore store = store(part -> {
            if (part == 2) {
                throw new java.io.UncheckedIOException(new IOException("connection lost"));
            }
        });
        BlobStore.Staged staged = staged(store, bytes((int) (20 * MIB), 3));

        assertThatThrownBy(() -> store.commit(staged)).hasMessageContaining("connection lost");

        assertThat(objects()).isEmpty();
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void theSameBytesCommittedTwice_areOneObject() throws Exception {
        S3BlobStore store = store();
        byte[] body = bytes(100_000, 4);

        StoredBlob first = store.commit(staged(store, body));
        StoredBlob second = store.commit(staged(store, body));

        assertThat(second).isEqualTo(first);
        assertThat(objects()).hasSize(1);
        try (InputStream in = store.open(first.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void aBlobThatIsNotThere_isNoSuchFile() throws Exception {
        assertThatThrownBy(() -> store().open("ab".repeat(32))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theSweep_deletesOnlyOldBlobsNoDocumentNames_andNoneAtStartUp() throws Exception {
        S3BlobStore store = store();
        StoredBlob orphan = store.commit(staged(store, bytes(1000, 5)));
        StoredBlob kept = store.commit(staged(store, bytes(1000, 6)));
        java.util.function.Predicate<String> named = kept.sha256()::equals;
        Instant later = Instant.now().plus(BlobSweeper.GRACE).plusSeconds(60);

        assertThat(store.sweep(false, named, Instant.now()).orphans()).isZero(); // within the grace period
        assertThat(store.sweep(true, named, later).orphans()).isZero(); // start-up leaves orphans to the hourly sweep
        assertThat(objects()).hasSize(2);

        BlobSweeper.Swept swept = store.sweep(false, named, later);

        assertThat(swept.orphans()).isEqualTo(1);
        assertThat(objects()).extracting(S3Object::key).containsExactly(store.keyOf(kept.sha256()));
        assertThatThrownBy(() -> store.open(orphan.sha256())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theSweep_passesOverObjectsBelowAFurtherSlash_whereTheLibraryKeepsPublishedFiles() throws Exception {
        S3BlobStore store = store();
        StoredBlob orphan = store.commit(staged(store, bytes(1000, 7)));
        String published = settings.prefix() + "/.library/" + "ef".repeat(32);
        s3.putObject(b -> b.bucket(BUCKET).key(published), RequestBody.fromString("a published report"));
        Instant later = Instant.now().plus(BlobSweeper.GRACE).plusSeconds(60);

        assertThat(store.sweep(false, sha -> false, later).orphans()).isEqualTo(1);

        assertThat(objects()).extracting(S3Object::key).containsExactly(published);
        assertThatThrownBy(() -> store.open(orphan.sha256())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theSweep_abortsAnUploadACrashLeft_onceItIsOld_evenAtStartUp() throws Exception {
        S3BlobStore store = store();
        String key = store.keyOf("cd".repeat(32));
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1), RequestBody.fromBytes(bytes(1000, 7)));
        Instant later = Instant.now().plus(BlobSweeper.GRACE).plusSeconds(60);

        assertThat(store.sweep(true, sha -> false, Instant.now()).temporary()).isZero(); // maybe another node's
        assertThat(pendingUploads()).isEqualTo(1);

        assertThat(store.sweep(true, sha -> false, later).temporary()).isEqualTo(1);

        assertThat(pendingUploads()).isZero();
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(key)))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
    }

    @Test
    void theSweep_removesThisNodesTemporaryFilesAtStartUp() throws Exception {
        S3BlobStore store = store();
        Path left = Files.writeString(
                dir.resolve("incoming").resolve(BlobStore.STAGED_BY + UUID.randomUUID() + ".part"), "partial");

        assertThat(store.sweep(true, sha -> false, Instant.now()).temporary()).isEqualTo(1);

        assertThat(Files.exists(left)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "s3://||||||needs a bucket name",
                "s3://B/x||||||needs a bucket name",
                "s3://ab/x||||||needs a bucket name",
                "s3://bucket/a//b||||||non-empty parts",
                "s3://bucket/a/../b||||||non-empty parts",
                "s3://bucket/a b||||||non-empty parts",
                "gs://bucket/x||||||must be s3://bucket/prefix",
                "s3://bucket/x|ftp://host|||||BLOB_S3_ENDPOINT must be an http:// or https://",
                "s3://bucket/x|http://host/path|||||BLOB_S3_ENDPOINT must be an http:// or https://",
                "s3://bucket/x|not a uri|||||BLOB_S3_ENDPOINT must be an http:// or https://",
                "s3://bucket/x||EU West||||BLOB_S3_REGION must be a region name",
                "s3://bucket/x|||key|||BLOB_S3_ACCESS_KEY and BLOB_S3_SECRET_KEY go together",
                "s3://bucket/x||||s3cr3t||BLOB_S3_ACCESS_KEY and BLOB_S3_SECRET_KEY go together",
                "s3://bucket/x|||||yes|BLOB_S3_PATH_STYLE must be true or false",
            })
    void badSettings_areRefusedNamingTheSetting(
            String location, String endpoint, String region, String key, String secret, String pathStyle, String says) {
        assertThatThrownBy(() -> S3BlobStore.Settings.of(
                        location, blank(endpoint), blank(region), blank(key), blank(secret), blank(pathStyle)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void goodSettings_areRead_andTheSecretIsNeverPrinted() {
        S3BlobStore.Settings s = S3BlobStore.Settings.of(
                " s3://my-bucket.example/lscb/blobs/ ", "https://s3.example.org:9000", "", "AKID", "s3cr3t", "true");

        assertThat(s.bucket()).isEqualTo("my-bucket.example");
        assertThat(s.prefix()).isEqualTo("lscb/blobs");
        assertThat(s.region()).isEqualTo(S3BlobStore.Settings.DEFAULT_REGION);
        assertThat(s.pathStyle()).isTrue();
        assertThat(s.toString()).contains("s3://my-bucket.example/lscb/blobs").doesNotContain("s3cr3t");
        assertThat(S3BlobStore.Settings.of("s3://bucket", "", "eu-west-2", "", "", "")
                        .prefix())
                .isEmpty();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
