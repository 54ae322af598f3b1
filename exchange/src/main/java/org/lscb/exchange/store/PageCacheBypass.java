package org.lscb.exchange.store;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The way around the page cache for the rest of a file that {@link StagingFile} writes through it, taken once
 * filling the page cache turns slow. On a VM whose host takes free memory back (free page reporting), filling the
 * page cache at times costs the writer several times its usual CPU, because the host must back every page again,
 * and such an upload then takes longer than one written around the cache, as the exchange benchmark's uploads
 * show on such a host ({@code docs/benchmarks.md}). This watches the writer's CPU time for each whole
 * block and after {@link #SLOW_BLOCKS} slow ones in a row opens the file a second time with {@code O_DIRECT}: whole
 * blocks go that way from then on, while the blocks already written stay in the page cache, made durable with the
 * rest by the early syncs and the commit's fsync. On a host whose memory stays put no block is slow and nothing
 * changes. Which blocks count as slow is the constructor's argument, so that a test decides it rather than the
 * machine's load.
 */
final class PageCacheBypass implements Closeable {

    /**
     * More than 1 ms of the writer's CPU for one block of {@link StagingFile#BLOCK_BYTES}: several times what
     * filling the page cache normally costs, and about what a direct write of the block takes.
     */
    static final LongPredicate SLOW_BLOCK = cpuNanos -> cpuNanos > 1_000_000;
    /** Slow blocks in a row after which the rest of the file goes around the page cache. */
    static final int SLOW_BLOCKS = 4;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Logger LOG = Logger.getLogger(PageCacheBypass.class.getName());

    private final Path file;
    private final int fileSystemBlock;
    private final LongPredicate slow;
    /** Slow blocks in a row; read and written only by the writing worker, as is {@link #givenUp}. */
    private int slowInARow;

    private boolean givenUp;
    private volatile FileChannel direct;
    /** Set by {@link #close}, under this object's lock: no direct channel is opened after it. */
    private boolean closed;

    /** {@code slow}: whether a block whose writing took that many nanoseconds of the writer's CPU was slow. */
    PageCacheBypass(Path file, int fileSystemBlock, LongPredicate slow) {
        this.file = file;
        this.fileSystemBlock = fileSystemBlock;
        this.slow = slow;
    }

    /** The calling thread's CPU time, for {@link #blockWritten}; -1 where this JVM cannot measure it. */
    static long cpuNow() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Writes whole file-system blocks around the page cache once the bypass is taken. False when it is not, or when
     * the file system opened the file for direct I/O but refuses the write (the bypass is then given up): the
     * caller writes the buffer through the page cache, from where it was.
     */
    boolean wrote(ByteBuffer buf, long at) throws IOException {
        FileChannel around = direct;
        if (around == null || buf.remaining() % fileSystemBlock != 0) {
            return false;
        }
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
                direct = null;
            }
            around.close();
            givenUp = true;
            buf.position(start);
            return false;
        }
    }

    /** After a whole block went through the page cache, with {@link #cpuNow()} from before it: counts it, and takes the bypass when due. */
    void blockWritten(long cpuBefore) throws IOException {
        if (cpuBefore < 0 || givenUp || direct != null) {
            return;
        }
        slowInARow = slow.test(cpuNow() - cpuBefore) ? slowInARow + 1 : 0;
        if (slowInARow < SLOW_BLOCKS) {
            return;
        }
        FileChannel opened = openDirect();
        if (opened == null) {
            givenUp = true;
            return;
        }
        synchronized (this) {
            if (!closed) {
                direct = opened;
                LOG.log(Level.FINE, "the page cache is slow; the rest of {0} bypasses it", file.getFileName());
                return;
            }
        }
        opened.close(); // the file was closed meanwhile: it is being abandoned
    }

    private FileChannel openDirect() {
        if (fileSystemBlock <= 0
                || StagingFile.BLOCK_BYTES % fileSystemBlock != 0
                || StagingBlocks.ALIGNMENT % fileSystemBlock != 0) {
            return null;
        }
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no direct I/O here; " + file.getFileName() + " stays in the page cache", e);
            return null;
        }
    }

    /** True once the rest of the file goes around the page cache. */
    boolean taken() {
        return direct != null;
    }

    @Override
    public void close() throws IOException {
        FileChannel around;
        synchronized (this) {
            closed = true;
            around = direct;
        }
        if (around != null) {
            around.close();
        }
    }
}
