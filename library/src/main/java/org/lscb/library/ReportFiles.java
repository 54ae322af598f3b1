package org.lscb.library;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where published files are kept, by a key this store chooses. Published files are public, so they are kept in
 * the clear; the review's own documents, sealed in the exchange, are never among them. Kept where every server
 * reads them: a folder ({@link FolderReportFiles}) or the blob store's bucket (the server's {@code S3ReportFiles}).
 */
public interface ReportFiles {

    /** Keeps {@code bytes} and answers their key; the same bytes get the same key. */
    String put(byte[] bytes);

    /** The bytes kept under {@code key}; empty for a key this store never answered, or anything not a key. */
    Optional<byte[]> get(String key);

    /** The key of {@code bytes}: their SHA-256 in lower-case hex, so the same bytes are kept once. */
    static String keyOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code text} has the shape of a key, checked before it names a file or an object. */
    static boolean isKey(String text) {
        return text.matches("[0-9a-f]{64}");
    }
}
