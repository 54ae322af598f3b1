package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Ciphertext as objects named {@code <prefix>/<sha256>} in an S3-compatible bucket ({@code BLOB_STORE=s3://...},
 * docs/operations.md). A body is staged on this node's disk as for a folder; {@link #commit} then sends it as a
 * multipart upload straight to its final key, each part with its SHA-256 for the server to check, and checks the
 * completed object's size and checksum. An object appears under its key only when the upload completes, so a
 * document never names a partial blob; an upload that fails is aborted, and the sweep aborts those a crash left.
 * Reads stream from the object; nothing is held in memory beyond one buffer.
 */
public final class S3BlobStore extends BlobStore {

    private static final Logger LOG = Logger.getLogger(S3BlobStore.class.getName());

    /** The size of a part (the last may be smaller); more when a body would otherwise need over 10,000 parts. */
    static final long PART_BYTES = 8L << 20;

    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    /** Every key begins with this: the prefix and a slash, or nothing. */
    private final String keyPrefix;

    private final long partBytes;
    /** Told each part's number once it is uploaded; tests interrupt an upload with it. */
    private final IntConsumer afterPart;

    /** {@code incoming}: this node's folder for temporary files. */
    public S3BlobStore(Path incoming, Staging staging, Settings settings) throws IOException {
        this(incoming, staging, settings.client(), settings, PART_BYTES, part -> {});
    }

    S3BlobStore(Path incoming, Staging staging, S3Client s3, Settings settings, long partBytes, IntConsumer afterPart)
            throws IOException {
        super(incoming, staging, () -> Files.getFileStore(incoming).getUsableSpace());
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.keyPrefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
        this.partBytes = partBytes;
        this.afterPart = afterPart;
    }

    /** The object key of a blob. */
    String keyOf(String sha256) {
        return keyPrefix + blobName(sha256);
    }

    /**
     * Uploads the staged body to its key in parts, checks the result, and removes the staged file. The same bytes
     * uploaded again replace the object with an identical one, whose fresh modification time keeps the sweep off it
     * until its document is recorded.
     */
    @Override
    public StoredBlob commit(Staged staged) throws IOException {
        String key = keyOf(staged.sha256());
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket)
                            .key(key)
                            .contentType("application/octet-stream")
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256))
                    .uploadId();
        } catch (SdkException e) {
            throw failed("start uploading", key, e);
        }
        String expected;
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            expected = uploadParts(staged, key, uploadId, parts);
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            completed = true;
        } catch (SdkException e) {
            throw failed("upload", key, e);
        } finally {
            if (!completed) {
                abortQuietly(key, uploadId);
            }
        }
        check(staged, key, expected);
        discard(staged);
        return new StoredBlob(staged.sha256(), staged.size());
    }

    /** Uploads every part of the staged file; answers the composite checksum S3 gives the completed object. */
    private String uploadParts(Staged staged, String key, String uploadId, List<CompletedPart> parts)
            throws IOException {
        long size = staged.size();
        long partSize = Math.max(partBytes, (size + MAX_PARTS - 1) / MAX_PARTS);
        int count = (int) Math.max(1, (size + partSize - 1) / partSize);
        MessageDigest ofParts = sha256();
        for (int n = 1; n <= count; n++) {
            long offset = (n - 1) * partSize;
            long length = Math.min(partSize, size - offset);
            byte[] digest = digestOf(staged.file(), offset, length);
            String checksum = Base64.getEncoder().encodeToString(digest);
            int number = n;
            String eTag = s3.uploadPart(
                            b -> b.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .contentLength(length)
                                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                    .checksumSHA256(checksum),
                            RequestBody.fromContentProvider(
                                    () -> slice(staged.file(), offset, length), length, "application/octet-stream"))
                    .eTag();
            parts.add(CompletedPart.builder()
                    .partNumber(number)
                    .eTag(eTag)
                    .checksumSHA256(checksum)
                    .build());
            ofParts.update(digest);
            afterPart.accept(number);
        }
        return Base64.getEncoder().encodeToString(ofParts.digest()) + "-" + count;
    }

    /**
     * The completed object must have the staged size and, where the server reports one, the checksum of its parts'
     * checksums; an object that does not is removed, so that no document names it.
     */
    private void check(Staged staged, String key, String expected) throws IOException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        } catch (SdkException e) {
            throw failed("check", key, e);
        }
        String checksum = head.checksumSHA256();
        boolean sizeOk = head.contentLength() != null && head.contentLength() == staged.size();
        boolean checksumOk = checksum == null || checksum.equals(expected) || checksum.equals(expected.split("-")[0]);
        if (!sizeOk || !checksumOk) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "could not remove the mismatched object " + key + "; the sweep will", e);
            }
            throw new IOException("the object " + key + " holds " + head.contentLength() + " bytes with checksum "
                    + checksum + " where " + staged.size() + " bytes with checksum " + expected + " were sent");
        }
    }

    /** Aborts an upload, even on an interrupted thread, so that its parts do not linger; the sweep retries. */
    private void abortQuietly(String key, String uploadId) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "could not abort the upload of " + key + "; the sweep will", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw (IOException) new NoSuchFileException(key).initCause(e);
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    /**
     * This node's temporary files, as in a folder; then uploads under the prefix started before the grace period,
     * at start-up too, since other nodes may be uploading; then (not at start-up) objects no document names.
     */
    @Override
    public BlobSweeper.Swept sweep(boolean startingUp, Predicate<String> named, Instant now) throws IOException {
        Instant cutOff = now.minus(BlobSweeper.GRACE);
        int temporary = BlobSweeper.sweepIncoming(incoming(), startingUp, cutOff);
        try {
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(
                            b -> b.bucket(bucket).prefix(keyPrefix))
                    .uploads()) {
                if (u.initiated() != null && u.initiated().isBefore(cutOff)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                    temporary++;
                }
            }
            int orphans = 0;
            if (!startingUp) {
                for (S3Object o : s3.listObjectsV2Paginator(
                                b -> b.bucket(bucket).prefix(keyPrefix))
                        .contents()) {
                    String name = o.key().substring(keyPrefix.length());
                    if (name.matches("[0-9a-f]{64}") && o.lastModified().isBefore(cutOff) && !named.test(name)) {
                        s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
                        orphans++;
                    }
                }
            }
            return new BlobSweeper.Swept(temporary, orphans);
        } catch (SdkException e) {
            throw failed("sweep", "s3://" + bucket + "/" + keyPrefix, e);
        }
    }

    private static IOException failed(String what, String key, SdkException e) {
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            return (IOException) new InterruptedIOException("interrupted: " + what + " " + key).initCause(e);
        }
        return new IOException("could not " + what + " " + key + ": " + e.getMessage(), e);
    }

    private static byte[] digestOf(Path file, long offset, long length) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("the staged file " + file + " ended early");
                }
                pos += n;
                sha.update(buf.flip());
            }
        }
        return sha.digest();
    }

    /** {@code length} bytes of the file from {@code offset}: one part's body. */
    private static InputStream slice(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new Slice(in, length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Slice extends java.io.FilterInputStream {
        private long left;

        Slice(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the blobs are and how to reach them: {@code BLOB_STORE=s3://bucket/prefix} and the {@code BLOB_S3_*}
     * settings (docs/operations.md). Without an access key the SDK's default chain finds credentials (environment,
     * profile, container or instance role).
     */
    public record Settings(
            String bucket,
            String prefix,
            Optional<URI> endpoint,
            String region,
            Optional<String> accessKey,
            Optional<String> secretKey,
            boolean pathStyle) {

        /** The region when none is set: AWS's first, which S3-compatible servers take by default. */
        public static final String DEFAULT_REGION = "us-east-1";

        private static final java.util.regex.Pattern BUCKET =
                java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        private static final java.util.regex.Pattern PREFIX_SEGMENT =
                java.util.regex.Pattern.compile("[A-Za-z0-9!_.*'()-]+");
        private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z0-9-]+");

        /**
         * From the settings' text (blank for unset), each checked; a wrong one is refused with an
         * {@link IllegalArgumentException} that names it and says what is allowed, never repeating a secret.
         */
        public static Settings of(
                String location, String endpoint, String region, String accessKey, String secretKey, String pathStyle) {
            String where = location.strip();
            if (!where.startsWith("s3://")) {
                throw new IllegalArgumentException("BLOB_STORE must be s3://bucket/prefix here, not " + where);
            }
            String rest = where.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            while (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                throw new IllegalArgumentException("BLOB_STORE s3://bucket/prefix needs a bucket name of 3 to 63"
                        + " lower-case letters, digits, dots and hyphens, not '" + bucket + "'");
            }
            if (!prefix.isEmpty()) {
                for (String segment : prefix.split("/", -1)) {
                    if (!PREFIX_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                        throw new IllegalArgumentException("BLOB_STORE s3://bucket/prefix needs a prefix of"
                                + " non-empty parts of letters, digits and !_.*'()- between slashes, not '" + prefix
                                + "'");
                    }
                }
                if (prefix.length() > 512) {
                    throw new IllegalArgumentException("BLOB_STORE's prefix may be at most 512 characters long");
                }
            }
            Optional<URI> endpointUri = Optional.empty();
            if (!endpoint.isBlank()) {
                URI uri;
                try {
                    uri = new URI(endpoint.strip());
                } catch (java.net.URISyntaxException e) {
                    uri = null;
                }
                if (uri == null
                        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        || uri.getHost() == null
                        || uri.getQuery() != null
                        || uri.getFragment() != null
                        || !(uri.getPath() == null
                                || uri.getPath().isEmpty()
                                || uri.getPath().equals("/"))) {
                    throw new IllegalArgumentException(
                            "BLOB_S3_ENDPOINT must be an http:// or https:// address with a host and no path,"
                                    + " such as https://s3.example.org:9000, not " + endpoint.strip());
                }
                endpointUri = Optional.of(uri);
            }
            String theRegion = region.isBlank() ? DEFAULT_REGION : region.strip();
            if (!REGION.matcher(theRegion).matches()) {
                throw new IllegalArgumentException(
                        "BLOB_S3_REGION must be a region name such as eu-west-2, not " + theRegion);
            }
            if (accessKey.isBlank() != secretKey.isBlank()) {
                throw new IllegalArgumentException("BLOB_S3_ACCESS_KEY and BLOB_S3_SECRET_KEY go together: set both,"
                        + " or neither for the SDK's default credentials");
            }
            boolean pathStyleAccess = switch (pathStyle.strip()) {
                case "", "false" -> false;
                case "true" -> true;
                default ->
                    throw new IllegalArgumentException(
                            "BLOB_S3_PATH_STYLE must be true or false, not " + pathStyle.strip());
            };
            return new Settings(
                    bucket,
                    prefix,
                    endpointUri,
                    theRegion,
                    Optional.of(accessKey.strip()).filter(k -> !k.isEmpty()),
                    Optional.of(secretKey.strip()).filter(k -> !k.isEmpty()),
                    pathStyleAccess);
        }

        /** The sync client over the JDK's HTTP connection, with the timeouts of a blob store on a network. */
        public S3Client client() {
            var builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofMinutes(2)))
                    .region(Region.of(region))
                    .forcePathStyle(pathStyle)
                    .credentialsProvider(credentials());
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        }

        private AwsCredentialsProvider credentials() {
            if (accessKey.isPresent() && secretKey.isPresent()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
            }
            return DefaultCredentialsProvider.builder().build();
        }

        /** Names the bucket and where it is; never the secret key. */
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix
                    + endpoint.map(e -> " at " + e).orElse("") + " in " + region + (pathStyle ? ", path-style" : "");
        }
    }
}
