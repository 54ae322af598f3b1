package org.lscb.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Published files in one folder, named by their SHA-256 as the exchange names its blobs, but in a folder of their own
 * so that the exchange's sweeper of unreferenced blobs never sees them. A file is written beside its name and renamed
 * into place, so a crash never leaves half a file under a key.
 */
public final class FolderReportFiles implements ReportFiles {

    private final Path root;

    public FolderReportFiles(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the published files' folder " + root, e);
        }
    }

    @Override
    public String put(byte[] bytes) {
        String key = ReportFiles.keyOf(bytes);
        Path target = root.resolve(key);
        if (Files.exists(target)) {
            return key;
        }
        Path part = root.resolve(UUID.randomUUID() + ".part");
        try {
            Files.write(part, bytes);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a published file", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a stray .part is harmless: it has no key
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!ReportFiles.isKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a published file", e);
        }
    }
}
