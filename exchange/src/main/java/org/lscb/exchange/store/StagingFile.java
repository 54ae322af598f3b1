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
 * The temporary file a blob is written to. The receiving thread only copies bytes into 1 MiB blocks;
 * each full block is then hashed by one worker and written by another, while the receiving thread fills
 * the next one.
 *
 * <p>Measured on a 1 GiB upload here: with hashing and writing in the receiving thread it spent about
 * 0.65 s hashing and 1 s writing through the page cache; with both in one background thread it still
 * waited about 1 s for that thread; split in two, the three overlap, and the receiving thread (0.7-0.9 s
 * reading the socket) is what sets the pace, or the disk when it is slow.
 *
 * <p>The writes go one after another, in order, through the page cache in pieces of {@link #WRITE_BYTES},
 * and every {@link #EARLY_SYNC_BYTES} a second thread starts an {@code fdatasync} of what is written so far
 * (unless the last one is still running), so that the disk works while the body arrives and the fsync
 * before the commit has little left. Both choices were measured (1 GiB uploads to the benchmark's server):
 * <ul>
 *   <li>the size of each write decides what filling the page cache costs on a VM whose free memory the host
 *       takes back (free page reporting): 1 MiB writes cost the writer 2.3-3.9 s of CPU per GiB, 256 KiB
 *       writes as much in the server, 16-64 KiB writes 0.3-0.6 s beside the 0.63 s of hashing (larger writes
 *       get larger page-cache folios, and here those are the expensive ones to back);</li>
 *   <li>without the early syncs the final fsync waited for the whole GiB: uploads 1.99-3.84 s against 1.40-1.92 s
 *       with them.</li>
 * </ul>
 * Uploads took 1.40-1.92 s this way, against 2.21-2.56 s with {@link BlobStore.Staging#DIRECT} on the same day.
 * Even small writes sometimes cost the writer 3-4 ms of CPU per block instead of 0.15-0.3 ms (right after other
 * processes had freed gigabytes, which the host then took back); after a few such blocks in a row the rest of
 * the file bypasses the page cache ({@link #bypassIfSlow}), so such an upload is no slower than a direct one.
 * {@link BlobStore.Staging#DIRECT} ({@code O_DIRECT}, whole aligned blocks, the last partial block through the cache) is
 * there for hosts where measuring ({@code benchmarks/disk/run.sh}) shows it faster; a file system without
 * direct I/O falls back to the page cache.
 */
final class StagingFile extends OutputStream {

    static final int BLOCK_BYTES = 1 << 20;
    /** One write through the page cache. */
    static final int WRITE_BYTES = 64 << 10;
    /** How much is written through the page cache between the starts of two early syncs. */
    static final long EARLY_SYNC_BYTES = 64L << 20;
    /**
     * The writer's CPU time for one block through the page cache above which the page cache counts as slow: 1 ms
     * per MiB, what a direct write of a block takes here in wall time. Normally it takes 0.15-0.3 ms; when the host
     * must back the memory again it took 2-4 ms.
     */
    static final long SLOW_BLOCK_CPU_NANOS = 1_000_000;
    /** Slow blocks in a row after which the rest of the file bypasses the page cache. */
    static final int SLOW_BLOCKS_BEFORE_BYPASS = 4;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Without a measure of a thread's CPU time (some JVMs), the page cache is never judged slow. */
    private static final boolean CPU_MEASURED = CPU.isCurrentThreadCpuTimeSupported();

    /**
     * Blocks handed over and not yet both hashed and written; the receiving thread fills one more. Four
     * rather than two keep the workers busy while the receiving thread waits for the socket: its waits for
     * the workers went from 0.45-0.75 s to 0.24-0.54 s per GiB here. The blocks come from
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
    private final int fileSystemBlock;
    private final long slowBlockCpuNanos;
    /** Slow page-cache blocks in a row, written only by the writing worker. */
    private int slowBlocks;
    /** Opened with {@code O_DIRECT} once the page cache has been slow: whole blocks go here from then on. */
    private volatile FileChannel bypass;
    /** Set by {@link #close}, under this object's lock: no bypass is opened after it. */
    private boolean closed;
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
    private final java.util.concurrent.atomic.AtomicInteger earlySyncs = new java.util.concurrent.atomic.AtomicInteger();
    private ByteBuffer filling;
    private long size;
    private long handedOver;
    private boolean finished;

    private record InFlight(ByteBuffer block, CompletableFuture<Void> done) {
    }

    StagingFile(Path file, BlobStore.Staging mode) throws IOException {
        this(file, mode, StagingBlocks.SHARED);
    }

    /** Waits for a block from {@code blocks} if all are out. */
    StagingFile(Path file, BlobStore.Staging mode, StagingBlocks blocks) throws IOException {
        this(file, mode, blocks, SLOW_BLOCK_CPU_NANOS);
    }

    /** {@code slowBlockCpuNanos}: see {@link #SLOW_BLOCK_CPU_NANOS}; a negative value makes every whole block slow. */
    StagingFile(Path file, BlobStore.Staging mode, StagingBlocks blocks, long slowBlockCpuNanos) throws IOException {
        this.file = file;
        this.blocks = blocks;
        this.slowBlockCpuNanos = slowBlockCpuNanos;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int blockSize = (int) Files.getFileStore(file.getParent()).getBlockSize();
        FileChannel direct = mode == BlobStore.Staging.DIRECT ? openDirect(file, blockSize, true) : null;
        this.channel = direct != null ? direct : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.alignment = direct != null ? blockSize : 1;
        this.fileSystemBlock = blockSize;
        try {
            this.filling = blocks.take();
        } catch (InterruptedIOException e) {
            channel.close();
            throw e;
        }
        taken.add(filling);
    }

    /** The file opened for direct I/O, new or (for a bypass) the one being written; null where that is not possible. */
    private static FileChannel openDirect(Path file, int blockSize, boolean create) {
        if (blockSize <= 0 || BLOCK_BYTES % blockSize != 0 || StagingBlocks.ALIGNMENT % blockSize != 0) {
            return null;
        }
        try {
            return create
                    ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT)
                    : FileChannel.open(file, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no direct I/O here; writing through the page cache", e);
            if (create) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the buffered open after this reports the real problem
                }
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
     * {@link #WRITE_BYTES}, starting an early sync now and then, and watching what a whole block costs (see
     * {@link #bypassIfSlow}).
     */
    private void writeFully(ByteBuffer buf, long at) {
        try {
            if (alignment > 1) {
                long pos = at;
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
                return;
            }
            FileChannel around = bypass;
            if (around != null && writtenAround(around, buf, at)) {
                return;
            }
            boolean wholeBlock = buf.remaining() == BLOCK_BYTES && CPU_MEASURED;
            long cpuBefore = wholeBlock ? CPU.getCurrentThreadCpuTime() : 0;
            long pos = at;
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
            if (wholeBlock) {
                bypassIfSlow(CPU.getCurrentThreadCpuTime() - cpuBefore);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the rest of the file around the page cache after {@link #SLOW_BLOCKS_BEFORE_BYPASS} slow blocks in a row.
     * On a VM whose host takes back free memory, filling the page cache sometimes costs ten times its usual CPU (the
     * host must back every page again), and then a direct write is the faster way. The blocks so far stay in the
     * page cache; the early syncs and the commit's fsync make them durable with the rest.
     */
    private void bypassIfSlow(long cpuNanos) throws IOException {
        slowBlocks = cpuNanos > slowBlockCpuNanos ? slowBlocks + 1 : 0;
        if (slowBlocks >= SLOW_BLOCKS_BEFORE_BYPASS && bypass == null) {
            FileChannel direct = openDirect(file, fileSystemBlock, false);
            if (direct == null) {
                stayInThePageCache();
            } else if (installed(direct)) {
                LOG.log(Level.FINE, "the page cache is slow; the rest of {0} bypasses it", file.getFileName());
            } else {
                direct.close(); // the file was closed meanwhile: it is being abandoned
            }
        }
    }

    private synchronized boolean installed(FileChannel direct) {
        if (closed) {
            return false;
        }
        bypass = direct;
        return true;
    }

    private void stayInThePageCache() {
        slowBlocks = Integer.MIN_VALUE;
    }

    /**
     * Writes a whole block around the page cache; false, with the bypass given up, where the file system opened
     * the file for direct I/O but refuses such a write: the block then goes through the page cache, as before.
     */
    private boolean writtenAround(FileChannel around, ByteBuffer buf, long at) throws IOException {
        int start = buf.position();
        try {
            long pos = at;
            while (buf.hasRemaining()) {
                pos += around.write(buf, pos);
            }
            return true;
        } catch (IOException e) {
            LOG.log(Level.FINE, "direct writes refused; " + file.getFileName() + " goes on through the page cache", e);
            synchronized (this) {
                bypass = null;
            }
            around.close();
            stayInThePageCache();
            buf.position(start);
            return false;
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
        int whole = alignment > 1 ? filling.remaining() / alignment * alignment : bypass != null ? 0 : filling.remaining();
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
        return bypass != null;
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
            FileChannel around;
            synchronized (this) {
                closed = true;
                around = bypass;
            }
            try (around) {
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
