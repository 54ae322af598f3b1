package org.lscb.exchange.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The temporary file a blob is written to. The receiving thread only copies bytes into blocks of
 * {@link #BLOCK_BYTES}; each full block is hashed by one worker and written by another while the receiving
 * thread fills the next, so that reading the socket, hashing and writing overlap on separate cores instead
 * of taking turns. Blocks are written one after another, in order.
 *
 * <p>With {@link BlobStore.Staging#PAGE_CACHE} (the default) a block goes through the page cache in writes of
 * {@link #WRITE_BYTES}, and every {@link #EARLY_SYNC_BYTES} a second thread starts an {@code fdatasync} of what
 * is written so far (unless the last one is still running): the disk works while the body arrives, and the
 * fsync before the commit has little left. A failed early sync fails the file, since a later fsync need not
 * report the same error. Small writes keep the page cache's folios small, which costs nothing on most hosts
 * and much less CPU on a VM whose host takes its free memory back; where filling the page cache still turns
 * slow, the rest of the file goes around it ({@link PageCacheBypass}). With {@link BlobStore.Staging#DIRECT}
 * whole aligned blocks bypass the page cache ({@code O_DIRECT}) and the last partial one goes through it; a
 * file system without direct I/O falls back to the page cache. {@code benchmarks/disk/run.sh} measures which
 * way a host makes a body durable faster.
 */
final class StagingFile extends OutputStream {

    static final int BLOCK_BYTES = 1 << 20;
    /** One write through the page cache. */
    static final int WRITE_BYTES = 64 << 10;
    /** How much is written through the page cache between the starts of two early syncs. */
    static final long EARLY_SYNC_BYTES = 64L << 20;

    /**
     * Blocks handed over and not yet both hashed and written; the receiving thread fills one more. More than
     * two keep the workers busy while the receiving thread waits for the socket. The blocks come from
     * {@link StagingBlocks}: five per upload while there are enough, fewer when many uploads run at once.
     */
    private static final int IN_FLIGHT = 4;

    private static final Logger LOG = Logger.getLogger(StagingFile.class.getName());

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "blob-writer");
        t.setDaemon(true);
        return t;
    });
    private static final ExecutorService SYNCERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "blob-syncer");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final FileChannel channel;
    private final int alignment;
    private final PageCacheBypass bypass;
    private final MessageDigest sha;
    private final StagingBlocks blocks;
    /** Every block this file has taken from {@link #blocks}, to give back on close. */
    private final Deque<ByteBuffer> taken = new ArrayDeque<>();

    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    /** The last block's hashing: the next one is hashed after it, so the digest sees the blocks in order. */
    private CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);
    /** The last block's write: the next one is written after it. */
    private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
    /** The last early sync; a failed one fails the file, since a later fsync may not report the same error. */
    private volatile CompletableFuture<Void> syncing = CompletableFuture.completedFuture(null);
    /** Where the last early sync was started, written only by the writing worker. */
    private long syncStartedAt;
    /** How many early syncs were started. */
    private final java.util.concurrent.atomic.AtomicInteger earlySyncs =
            new java.util.concurrent.atomic.AtomicInteger();

    private ByteBuffer filling;
    private long size;
    private long handedOver;
    private boolean finished;

    private record InFlight(ByteBuffer block, CompletableFuture<Void> done) {}

    StagingFile(Path file, BlobStore.Staging mode) throws IOException {
        this(file, mode, StagingBlocks.SHARED);
    }

    /** Waits for a block from {@code blocks} if all are out. */
    StagingFile(Path file, BlobStore.Staging mode, StagingBlocks blocks) throws IOException {
        this(file, mode, blocks, PageCacheBypass.SLOW_BLOCK);
    }

    /** {@code slowBlock}: see {@link PageCacheBypass#PageCacheBypass}. */
    StagingFile(Path file, BlobStore.Staging mode, StagingBlocks blocks, java.util.function.LongPredicate slowBlock)
            throws IOException {
        this.file = file;
        this.blocks = blocks;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int blockSize = (int) Files.getFileStore(file.getParent()).getBlockSize();
        FileChannel direct = mode == BlobStore.Staging.DIRECT ? openDirect(file, blockSize) : null;
        this.channel = direct != null
                ? direct
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.alignment = direct != null ? blockSize : 1;
        this.bypass = new PageCacheBypass(file, blockSize, slowBlock);
        try {
            this.filling = blocks.take();
        } catch (InterruptedIOException e) {
            channel.close();
            throw e;
        }
        taken.add(filling);
    }

    /** A new file opened for direct I/O; null where that is not possible. */
    private static FileChannel openDirect(Path file, int blockSize) {
        if (blockSize <= 0 || BLOCK_BYTES % blockSize != 0 || StagingBlocks.ALIGNMENT % blockSize != 0) {
            return null;
        }
        try {
            return FileChannel.open(
                    file,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no direct I/O here; writing through the page cache", e);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the buffered open after this reports the real problem
            }
            return null;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        size += len;
        while (len > 0) {
            int n = Math.min(len, filling.remaining());
            filling.put(b, off, n);
            off += n;
            len -= n;
            if (!filling.hasRemaining()) {
                handOver();
            }
        }
    }

    /** Hands the full block to the workers and takes a free one, waiting for the oldest block if too many are out. */
    private void handOver() throws IOException {
        if (syncing.isCompletedExceptionally()) {
            awaitSync(); // the disk has failed this file: stop taking the body in now rather than at its end
        }
        ByteBuffer full = filling.flip();
        long at = handedOver;
        handedOver += full.remaining();
        ByteBuffer forHash = full.duplicate();
        hashed = hashed.thenRunAsync(() -> sha.update(forHash), WORKERS);
        written = written.thenRunAsync(() -> writeFully(full.duplicate(), at), WORKERS);
        inFlight.add(new InFlight(full, CompletableFuture.allOf(hashed, written)));
        if (inFlight.size() >= IN_FLIGHT) {
            free.add(await(inFlight.poll()));
        }
        filling = nextBlock();
    }

    /** A block of its own that is back, else a free shared one, else its oldest block once that is done. */
    private ByteBuffer nextBlock() throws IOException {
        ByteBuffer b = free.poll();
        if (b == null) {
            b = blocks.tryTake();
            if (b != null) {
                taken.add(b);
            }
        }
        return b != null ? b.clear() : await(inFlight.poll()).clear();
    }

    /**
     * Writes a buffer at a position: in one go with direct I/O; otherwise through the page cache in pieces of
     * {@link #WRITE_BYTES}, starting an early sync when {@link #EARLY_SYNC_BYTES} more are written, unless the
     * {@link #bypass} has been taken.
     */
    private void writeFully(ByteBuffer buf, long at) {
        try {
            long pos = at;
            if (alignment > 1) {
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
                return;
            }
            if (bypass.wrote(buf, at)) {
                return;
            }
            long cpuBefore = buf.remaining() == BLOCK_BYTES ? PageCacheBypass.cpuNow() : -1;
            int end = buf.limit();
            while (buf.position() < end) {
                buf.limit(Math.min(end, buf.position() + WRITE_BYTES));
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
            }
            if (pos - syncStartedAt >= EARLY_SYNC_BYTES && syncing.isDone()) {
                syncStartedAt = pos;
                earlySyncs.incrementAndGet();
                syncing = syncing.thenRunAsync(this::syncData, SYNCERS);
            }
            bypass.blockWritten(cpuBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void syncData() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ByteBuffer await(InFlight f) throws IOException {
        try {
            f.done().get();
            return f.block();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw cause instanceof IOException io ? io : new IOException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + file.getFileName());
        }
    }

    private void awaitSync() throws IOException {
        await(new InFlight(null, syncing));
    }

    private void awaitAll() throws IOException {
        IOException first = null;
        while (!inFlight.isEmpty()) {
            try {
                free.add(await(inFlight.poll()));
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Writes what is left; after this the hash and size are final. */
    void finish() throws IOException {
        awaitAll();
        filling.flip();
        sha.update(filling.duplicate());
        // direct I/O writes whole file-system blocks only: what is left of the last one goes through the page cache
        int whole = alignment > 1 ? filling.remaining() / alignment * alignment : filling.remaining();
        writeFully(filling.duplicate().limit(whole), handedOver);
        if (filling.remaining() > whole) {
            try (FileChannel tail = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer rest = filling.duplicate().position(whole);
                long pos = handedOver + whole;
                while (rest.hasRemaining()) {
                    pos += tail.write(rest, pos);
                }
            }
        }
        awaitSync();
        // through the handle that was open for every write: a writeback error is reported to it, while a handle
        // opened later (the commit's) may not hear of one from before its time; after the early syncs little is left
        channel.force(false);
        finished = true;
    }

    /**
     * Removes a staged file in the background. A crash before it happens leaves a temporary file that
     * {@link BlobSweeper} removes.
     */
    static void deleteLater(Path staged) {
        WORKERS.execute(() -> {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                LOG.log(Level.FINE, "left for the sweeper: " + staged, e);
            }
        });
    }

    /** True once the page cache was slow and the rest of the file went around it. */
    boolean bypassed() {
        return bypass.taken();
    }

    int earlySyncs() {
        return earlySyncs.get();
    }

    boolean direct() {
        return alignment > 1;
    }

    long size() {
        return size;
    }

    String sha256() {
        if (!finished) {
            throw new IllegalStateException("not finished");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Waits for the workers (so nothing writes to the file after this) and closes it. */
    @Override
    public void close() throws IOException {
        try {
            awaitAll();
        } catch (IOException e) {
            // a failed upload is being abandoned; its first error has been reported already, or will be by finish()
            LOG.log(Level.FINE, "while abandoning " + file.getFileName(), e);
        }
        try {
            awaitSync();
        } catch (IOException e) {
            LOG.log(Level.FINE, "while abandoning " + file.getFileName(), e);
        } finally {
            try (bypass) {
                channel.close();
            } finally {
                // all back, even after an interrupted wait left a worker on a block: workers only read blocks, and
                // what such a worker would then write or hash belongs to this file, which is being abandoned
                taken.forEach(blocks::give);
                taken.clear();
            }
        }
    }
}
