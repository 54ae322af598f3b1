package org.lscb.envelope.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what is written to a second thread that writes it on. {@value #BUFFERS} buffers of
 * {@value #BUFFER_BYTES} bytes circulate between the two threads. A failure of the writing thread is reported
 * by the next {@code write}, {@code flush} or {@code close}. {@link #close()} waits until everything is
 * written and flushes, but does not close the stream underneath.
 */
public final class WriteBehind extends OutputStream {

    static final int BUFFERS = 4;
    static final int BUFFER_BYTES = 256 * 1024;

    private final OutputStream out;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread writer;
    private volatile IOException failure;
    private Chunk current;
    private boolean closed;

    public WriteBehind(OutputStream out) {
        this.out = out;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Chunk(new byte[BUFFER_BYTES]));
        }
        current = free.poll();
        writer = new Thread(this::drain, "lscb-write-behind");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        while (len > 0) {
            int n = Math.min(len, current.bytes.length - current.length);
            System.arraycopy(b, off, current.bytes, current.length, n);
            current.length += n;
            off += n;
            len -= n;
            if (current.length == current.bytes.length) {
                handOver(current);
                current = take(free);
            }
        }
    }

    /** Waits until everything written so far has reached the stream underneath, then flushes it. */
    @Override
    public void flush() throws IOException {
        check();
        if (current.length > 0) {
            handOver(current);
            current = take(free);
        }
        Chunk barrier = new Chunk(null);
        handOver(barrier);
        synchronized (barrier) {
            while (!barrier.done && failure == null) {
                try {
                    barrier.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing");
                }
            }
        }
        check();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            writer.interrupt();
        }
    }

    /** Stops the writing thread without waiting for what is still queued: for a caller that is failing anyway. */
    public void abandon() {
        closed = true;
        writer.interrupt();
    }

    private void drain() {
        try {
            while (true) {
                Chunk c = full.take();
                if (c.bytes == null) {
                    out.flush();
                    synchronized (c) {
                        c.done = true;
                        c.notifyAll();
                    }
                    continue;
                }
                out.write(c.bytes, 0, c.length);
                c.length = 0;
                free.put(c);
            }
        } catch (InterruptedException e) {
            // closed or abandoned
        } catch (IOException | RuntimeException e) {
            // whatever stops this thread is the writer's failure: a runtime one too, or the writer would wait forever
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            free.clear();
            free.offer(new Chunk(new byte[BUFFER_BYTES]));
        }
    }

    private void handOver(Chunk c) throws IOException {
        try {
            full.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private Chunk take(BlockingQueue<Chunk> queue) throws IOException {
        try {
            Chunk c = queue.take();
            check();
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void check() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    private static final class Chunk {
        final byte[] bytes;
        int length;
        boolean done;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }
}
