package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Ciphertext files named by their SHA-256 under one folder: a staged body is fsynced and renamed into place
 * only when complete, from {@code .incoming} in the same folder, so the rename is atomic. Several servers may
 * share the folder on a POSIX mount (docs/operations.md "Several servers").
 */
public final class DirectoryBlobStore extends BlobStore {

    private static final String INCOMING = ".incoming";

    private final Path root;

    public DirectoryBlobStore(Path root) throws IOException {
        this(root, Staging.PAGE_CACHE);
    }

    public DirectoryBlobStore(Path root, Staging staging) throws IOException {
        this(root, staging, () -> Files.getFileStore(root).getUsableSpace());
    }

    /** {@code room}: what {@link #usableSpace} reads; tests of a full disk give their own. */
    DirectoryBlobStore(Path root, Staging staging, UsableSpace room) throws IOException {
        super(root.resolve(INCOMING), staging, room);
        this.root = root;
    }

    /** Makes a staged body durable under its hash: fsync the file, rename it into place, fsync the folder. */
    @Override
    public StoredBlob commit(Staged staged) throws IOException {
        try {
            return durable(staged);
        } catch (IOException e) {
            throw noRoomOr(writeFailed(e)); // a folder for the hash, or the fsync, can find the disk full too
        }
    }

    private StoredBlob durable(Staged staged) throws IOException {
        Path target = pathOf(staged.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            // the same bytes are already stored and synced: this copy need not be; unlinking 1 GiB takes a while,
            // so it is moved aside and removed in the background (the sweeper removes it after a crash)
            Path aside = staged.file().resolveSibling(staged.file().getFileName() + ".duplicate");
            Files.move(staged.file(), aside, StandardCopyOption.ATOMIC_MOVE);
            StagingFile.deleteLater(aside);
            // fresh again, so that the sweeper's grace period protects it until its metadata commits
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            return new StoredBlob(staged.sha256(), staged.size());
        }
        try (FileChannel ch = FileChannel.open(staged.file(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Files.deleteIfExists(staged.file()); // the same bytes landed a moment ago from another request
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob folder must be on one file system with its .incoming folder", e);
        }
        forceDirectory(target.getParent());
        return new StoredBlob(staged.sha256(), staged.size());
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    public Path pathOf(String sha256) {
        return root.resolve(blobName(sha256).substring(0, 2)).resolve(sha256);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    @Override
    public BlobSweeper.Swept sweep(boolean startingUp, Predicate<String> named, Instant now) throws IOException {
        return new BlobSweeper(root).sweep(startingUp, named, now);
    }
}
