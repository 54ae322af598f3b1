package org.lscb.exchange.store;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The native memory that bodies being staged are gathered in: blocks of {@link StagingFile#BLOCK_BYTES},
 * aligned for direct I/O, shared by every upload and never more than a fixed number at once.
 *
 * <p>The HTTP listener runs up to 200 requests at once and the JVM's native-buffer limit defaults to the heap
 * size, so blocks of its own for every upload could run out of native memory (an {@code OutOfMemoryError} and
 * a 500). An upload takes its first block here, waiting if every block is out; it takes more only while some
 * are free, and makes do with one when none are (its blocks then go to the disk one at a time). Blocks handed
 * back are kept for the next upload. Waiting cannot deadlock: a request stages one file at a time, and an
 * upload that holds a block finishes with that block alone.
 */
final class StagingBlocks {

    /** A block's address is a multiple of this, which direct I/O on file systems with blocks up to 4 KiB needs. */
    static final int ALIGNMENT = 4096;

    /** A quarter of the maximum heap (the default native-buffer limit), between 8 and 64 blocks. */
    static final StagingBlocks SHARED = new StagingBlocks((int)
            Math.max(8, Math.min(64, Runtime.getRuntime().maxMemory() / 4 / StagingFile.BLOCK_BYTES)));

    private final int capacity;
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private int allocated;

    StagingBlocks(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one block");
        }
        this.capacity = capacity;
    }

    /** A block, waiting until one is handed back if all are out. */
    synchronized ByteBuffer take() throws InterruptedIOException {
        ByteBuffer b;
        while ((b = tryTake()) == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a staging block");
            }
        }
        return b;
    }

    /** A block if one is free or may still be made; null when all are out. */
    synchronized ByteBuffer tryTake() {
        ByteBuffer b = free.poll();
        if (b == null && allocated < capacity) {
            allocated++;
            b = ByteBuffer.allocateDirect(StagingFile.BLOCK_BYTES + ALIGNMENT).alignedSlice(ALIGNMENT);
        }
        return b == null ? null : b.clear().limit(StagingFile.BLOCK_BYTES);
    }

    synchronized void give(ByteBuffer block) {
        free.push(block);
        notifyAll();
    }

    synchronized int out() {
        return allocated - free.size();
    }
}
