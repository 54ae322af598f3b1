package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Where ciphertext is kept, named by its SHA-256 (docs/security.md "Storage discipline"): a folder
 * ({@link DirectoryBlobStore}) or S3-compatible object storage ({@link S3BlobStore}). Either way a body streams
 * to a temporary file on this node's disk outside any transaction, bounded while it is read and hashed as it
 * goes, and is committed under its hash only when complete; a crash at any point leaves at most a temporary
 * file, an unfinished upload or an orphan blob for {@link #sweep}, never a partial blob under a hash name.
 */
public abstract sealed class BlobStore permits DirectoryBlobStore, S3BlobStore {

    /** How staged bodies reach the disk (see {@link StagingFile} for each way and why). */
    public enum Staging {
        /** Through the page cache in small writes, synced early while the body arrives: the default. */
        PAGE_CACHE,
        /** Bypassing the page cache ({@code O_DIRECT}) where the file system allows it. */
        DIRECT;

        /** From a setting's value: {@code page-cache} or {@code direct}. */
        public static Staging of(String value) {
            return switch (value.strip()) {
                case "page-cache" -> PAGE_CACHE;
                case "direct" -> DIRECT;
                default -> throw new IllegalArgumentException("must be page-cache or direct, not " + value);
            };
        }
    }

    /**
     * Begins the name of every temporary file this server stages: its host name. On a folder that several servers
     * share, a server starting removes only its own at once (it has none in flight then); another's wait for
     * {@link BlobSweeper#GRACE}, since they may be in flight.
     */
    static final String STAGED_BY = hostName() + "~";

    private final Path incoming;
    private final Staging staging;
    private final UsableSpace room;

    /** {@code incoming}: the folder of temporary files; {@code room}: what {@link #usableSpace} reads. */
    BlobStore(Path incoming, Staging staging, UsableSpace room) throws IOException {
        this.incoming = incoming;
        this.staging = java.util.Objects.requireNonNull(staging);
        this.room = room;
        Files.createDirectories(incoming);
    }

    /** Bytes left on the blob store's disk for this process. */
    @FunctionalInterface
    interface UsableSpace {
        long bytes() throws IOException;
    }

    /** A body being received: where it is and how far it got. */
    public record Staged(Path file, String sha256, long size) {}

    /**
     * Streams {@code body} to a temporary file. {@code check} sees the bytes as they pass (the envelope's
     * framing check) and may throw to refuse them.
     *
     * @throws TooLargeException when more than {@code maxBytes} arrive; the partial file is removed
     */
    public Staged stage(InputStream body, long maxBytes, java.util.function.UnaryOperator<InputStream> check)
            throws IOException {
        ensureSpace(0);
        Path file = incoming.resolve(STAGED_BY + UUID.randomUUID() + ".part");
        boolean ok = false;
        try (InputStream in = check.apply(new Bounded(body, maxBytes));
                StagingFile out = new StagingFile(file, staging)) {
            byte[] buf = new byte[256 * 1024];
            int n;
            // StagingFile gathers whatever arrives into 1 MiB blocks for the disk; this loop only moves bytes on
            while ((n = in.read(buf)) >= 0) {
                write(out, buf, n);
                if (((out.size() - n) >> 26) != (out.size() >> 26)) {
                    ensureSpace(0); // every 64 MiB
                }
            }
            finish(out);
            ok = true;
            return new Staged(file, out.sha256(), out.size());
        } catch (IOException e) {
            throw noRoomOr(e);
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Something that writes a whole new blob, such as an envelope with granted recipients added. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Stages what {@code writer} writes, hashed as it goes. */
    public Staged stageWritten(Writer writer) throws IOException {
        ensureSpace(0);
        Path file = incoming.resolve(STAGED_BY + UUID.randomUUID() + ".part");
        boolean ok = false;
        try (StagingFile out = new StagingFile(file, staging)) {
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(new RoomChecked(out), 256 * 1024);
            writer.writeTo(buffered);
            buffered.flush();
            finish(out);
            ok = true;
            return new Staged(file, out.sha256(), out.size());
        } catch (IOException e) {
            throw noRoomOr(e);
        } catch (java.io.UncheckedIOException e) {
            throw noRoomOr(e); // what the writer made of a failed write
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Keep at least this much free on the blob store's disk; 0 turns the check off. */
    private volatile long minFree;

    public void keepFree(long bytes) {
        this.minFree = bytes;
    }

    /**
     * docs/security.md F3: refuses to start (or go on) writing when the disk would drop below the reserve, so a
     * full disk is a clean refusal rather than a half-written file.
     */
    void ensureSpace(long more) throws IOException {
        if (minFree > 0 && usableSpace() - more < minFree) {
            throw new InsufficientStorageException();
        }
    }

    /** Room left on the disk for this process. */
    long usableSpace() throws IOException {
        return room.bytes();
    }

    /**
     * A write to a staged file failed while the disk is out of room, so that is why it failed (F3), whatever the
     * operating system said. {@link #stage} and {@link #stageWritten} turn it into {@link InsufficientStorageException}
     * once it is back from the writer, which may have wrapped it; until then it stays an {@link IOException}, so that
     * the writer handles it as the failed write it is (the envelope code tells a failed write from a bad envelope).
     */
    private static final class NoRoomLeft extends IOException {
        NoRoomLeft(IOException failedWrite) {
            super("no room left on the blob store's disk", failedWrite);
        }
    }

    /**
     * Less than this left on the disk after a write failed counts as a full disk when no reserve is set. A failed
     * write leaves next to nothing; this margin covers what other uploads wrote or removed since.
     */
    static final long NO_ROOM_BELOW = 64L << 20;

    /** {@code failed}, a failed write, as {@link NoRoomLeft} when the disk is out of room. */
    IOException writeFailed(IOException failed) {
        try {
            if (!(failed instanceof NoRoomLeft) && usableSpace() < Math.max(minFree, NO_ROOM_BELOW)) {
                return new NoRoomLeft(failed);
            }
        } catch (IOException e) {
            failed.addSuppressed(e);
        }
        return failed;
    }

    /** Throws {@link InsufficientStorageException} when {@code failure} came of a full disk; returns it otherwise. */
    static <E extends Exception> E noRoomOr(E failure) {
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof NoRoomLeft) {
                throw new InsufficientStorageException(failure);
            }
        }
        return failure;
    }

    private void write(StagingFile out, byte[] b, int n) throws IOException {
        try {
            out.write(b, 0, n);
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    private void finish(StagingFile out) throws IOException {
        try {
            out.finish();
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** Where a writer writes a staged file: a write that fails on a full disk says so ({@link NoRoomLeft}). */
    private final class RoomChecked extends java.io.FilterOutputStream {
        RoomChecked(StagingFile out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /**
     * Makes a staged body durable under its hash and removes the staged file; only then may a document name it.
     * Committing the same bytes twice keeps one blob.
     */
    public abstract StoredBlob commit(Staged staged) throws IOException;

    public void discard(Staged staged) throws IOException {
        Files.deleteIfExists(staged.file());
    }

    /**
     * Removes a staged body that was not committed, or nothing when it was (or is null); a file that cannot be
     * removed now is an orphan for {@link BlobSweeper}.
     */
    public void discardQuietly(Staged staged) {
        if (staged == null) {
            return;
        }
        try {
            discard(staged);
        } catch (IOException e) {
            // the sweeper removes orphaned temporary files
        }
    }

    /** The blob with this SHA-256, streamed. */
    public abstract InputStream open(String sha256) throws IOException;

    /**
     * Removes what a crash or a failed upload left behind (docs/security.md F1): temporary files, unfinished
     * uploads, and blobs that no document names, each only once older than {@link BlobSweeper#GRACE}; at start-up
     * this node's temporary files go at once.
     *
     * @param startingUp true at start-up, when no upload can be in flight on this node
     * @param named      whether a document names the blob with this SHA-256
     */
    public abstract BlobSweeper.Swept sweep(boolean startingUp, Predicate<String> named, Instant now)
            throws IOException;

    private static String hostName() {
        String name;
        try {
            name = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = "";
        }
        String safe = name.replaceAll("[^A-Za-z0-9.-]", "_");
        return safe.isEmpty() ? "server" : safe;
    }

    /** {@code sha256}, checked to be a blob's name: 64 lower-case hex digits. */
    static String blobName(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 name");
        }
        return sha256;
    }

    Path incoming() {
        return incoming;
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
