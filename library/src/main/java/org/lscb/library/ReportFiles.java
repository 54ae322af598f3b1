package org.lscb.library;

import java.util.Optional;

/**
 * Where published files are kept, by a key this store chooses. Published files are public, so they are kept in
 * the clear; the review's own documents, sealed in the exchange, are never among them. Behind this interface so
 * that object storage can replace the folder of {@link FolderReportFiles}.
 */
public interface ReportFiles {

    /** Keeps {@code bytes} and answers their key; the same bytes get the same key. */
    String put(byte[] bytes);

    Optional<byte[]> get(String key);
}
