package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ciphertext files named by their SHA-256 under one folder (SECURITY.md "Storage discipline"): a body
 * streams to a temporary file outside any transaction, bounded while it is read and hashed as it
 * goes; it is fsynced and renamed into place only when complete. A crash at any point leaves at most a
 * temporary file or an orphan blob, never a partial blob under a hash name.
 */
public final class BlobStore {

    private static final String INCOMING = ".incoming";

    private final Path root;

    public BlobStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve(INCOMING));
    }

    /** A body being received: where it is and how far it got. */
    public record Staged(Path file, String sha256, long size) {
    }

    /**
     * Streams {@code body} to a temporary file. {@code check} sees the bytes as they pass (the envelope's
     * framing check) and may throw to refuse them.
     *
     * @throws TooLargeException when more than {@code maxBytes} arrive; the partial file is removed
     */
    public Staged stage(InputStream body, long maxBytes, java.util.function.UnaryOperator<InputStream> check) throws IOException {
        ensureSpace(0);
        Path file = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        long size = 0;
        boolean ok = false;
        try (InputStream in = check.apply(new Bounded(body, maxBytes));
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), sha)) {
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                // 16 KiB slices keep SHA-256 on the JDK's intrinsic (see FastGcmDecryptor)
                for (int off = 0; off < n; off += 16 * 1024) {
                    out.write(buf, off, Math.min(16 * 1024, n - off));
                }
                if ((size >> 26) != ((size + n) >> 26)) {
                    ensureSpace(0); // every 64 MiB
                }
                size += n;
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        return new Staged(file, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Something that writes a whole new blob, such as an envelope with granted recipients added. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Stages what {@code writer} writes, hashed as it goes. */
    public Staged stageWritten(Writer writer) throws IOException {
        ensureSpace(0);
        Path file = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        boolean ok = false;
        try (CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), sha))) {
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(counted, 256 * 1024);
            writer.writeTo(buffered);
            buffered.flush();
            ok = true;
            return new Staged(file, HexFormat.of().formatHex(sha.digest()), counted.count);
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** Keep at least this much free on the blob store's disk; 0 turns the check off. */
    private volatile long minFree;

    public void keepFree(long bytes) {
        this.minFree = bytes;
    }

    /**
     * SECURITY.md F3: refuses to start (or go on) writing when the disk would drop below the reserve, so a
     * full disk is a clean refusal rather than a half-written file.
     */
    void ensureSpace(long more) throws IOException {
        if (minFree > 0 && Files.getFileStore(root).getUsableSpace() - more < minFree) {
            throw new InsufficientStorageException();
        }
    }

    /** Makes a staged body durable under its hash: fsync the file, rename it into place, fsync the folder. */
    public StoredBlob commit(Staged staged) throws IOException {
        try (FileChannel ch = FileChannel.open(staged.file(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path target = pathOf(staged.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.delete(staged.file()); // the same bytes are already stored
            // fresh again, so that the sweeper's grace period protects it until its metadata commits
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } else {
            try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(staged.file()); // the same bytes landed a moment ago from another request
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the blob folder must be on one file system with its .incoming folder", e);
            }
            forceDirectory(target.getParent());
        }
        return new StoredBlob(staged.sha256(), staged.size(), target);
    }

    public void discard(Staged staged) throws IOException {
        Files.deleteIfExists(staged.file());
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    public Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 name");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body that may not be longer than a limit: reading past it throws {@link TooLargeException}. */
    public static final class Capped extends java.io.FilterInputStream {
        public Capped(InputStream in, long limit) {
            super(new Bounded(in, limit));
        }
    }

    /** Refuses to read past a limit. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLargeException(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit - read + 1)));
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLargeException(limit);
                }
            }
            return n;
        }
    }
}
