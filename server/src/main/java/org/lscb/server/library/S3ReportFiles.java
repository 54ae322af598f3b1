package org.lscb.server.library;

import java.io.UncheckedIOException;
import java.util.Optional;
import org.lscb.library.ReportFiles;
import org.lscb.server.config.ServerConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Published files as objects in the blob store's bucket, named {@code <prefix>/.library/<sha256>}
 * ({@link ServerConfig#PUBLISHED_FILES}), so that every server sharing the bucket serves and indexes every report
 * (docs/operations.md "Several servers"). A file is sent in one request with its SHA-256, which the storage checks
 * before it keeps the object, and S3 lists an object only once it is whole. Published files are small and public,
 * so they are held in memory, unlike the exchange's ciphertext.
 */
final class S3ReportFiles implements ReportFiles, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;

    S3ReportFiles(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keyPrefix = (prefix.isEmpty() ? "" : prefix + "/") + ServerConfig.PUBLISHED_FILES + "/";
    }

    @Override
    public String put(byte[] bytes) {
        String key = ReportFiles.keyOf(bytes);
        try {
            if (!exists(keyPrefix + key)) {
                s3.putObject(
                        b -> b.bucket(bucket)
                                .key(keyPrefix + key)
                                .contentType("application/octet-stream")
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256),
                        RequestBody.fromBytes(bytes));
            }
            return key;
        } catch (SdkException e) {
            throw failed("keep", key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!ReportFiles.isKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(keyPrefix + key))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private boolean exists(String objectKey) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(objectKey));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private UncheckedIOException failed(String what, String key, SdkException e) {
        return new UncheckedIOException(
                "cannot " + what + " the published file " + key + " in s3://" + bucket + "/" + keyPrefix,
                new java.io.IOException(e.getMessage(), e));
    }
}
