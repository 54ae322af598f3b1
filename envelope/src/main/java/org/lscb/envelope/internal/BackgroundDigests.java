package org.lscb.envelope.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Digest calculators that hash on a second thread. Sealing signs and encrypts the same bytes: with these the
 * content's SHA-256 runs beside the AES-GCM on another core instead of after it, which the seal in the
 * exchange benchmark shows as a shorter seal ({@code docs/benchmarks.md}). The bytes reach the hashing thread
 * through a few fixed buffers, so memory stays bounded, and the JDK's digest is fed 16 KiB at a time, a size
 * HotSpot compiles with the processor's SHA instructions. A failure of the hashing thread is reported to the
 * sealing one by its next write or by {@link DigestCalculator#getDigest()}.
 */
public final class BackgroundDigests implements DigestCalculatorProvider, AutoCloseable {

    private static final int SLICE = 16 * 1024;
    private final DigestCalculatorProvider jdk;
    private final List<WriteBehind> started = new CopyOnWriteArrayList<>();

    public BackgroundDigests() throws OperatorCreationException {
        this.jdk = new JcaDigestCalculatorProviderBuilder().build();
    }

    @Override
    public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        DigestCalculator inner = jdk.get(algorithm);
        return new DigestCalculator() {
            private WriteBehind behind;

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return inner.getAlgorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                if (behind == null) {
                    behind = new WriteBehind(new Sliced(inner.getOutputStream()));
                    started.add(behind);
                }
                return behind;
            }

            @Override
            public byte[] getDigest() {
                if (behind != null) {
                    try {
                        behind.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return inner.getDigest();
            }
        };
    }

    /** Stops any hashing thread still waiting for bytes: after a failed seal, nothing more will come. */
    @Override
    public void close() {
        started.forEach(WriteBehind::abandon);
    }

    /** Passes large writes on in slices. */
    private static final class Sliced extends FilterOutputStream {
        Sliced(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i += SLICE) {
                out.write(b, off + i, Math.min(SLICE, len - i));
            }
        }
    }

    /**
     * Hands what is written to a second thread that writes it on. {@value #BUFFERS} buffers of
     * {@value #BUFFER_BYTES} bytes circulate between the two threads. A failure of the writing thread is reported
     * by the next {@code write}, {@code flush} or {@code close}. {@link #close()} waits until everything is
     * written and flushes, but does not close the stream underneath.
     */
    static final class WriteBehind extends OutputStream {

        static final int BUFFERS = 4;
        static final int BUFFER_BYTES = 256 * 1024;

        private final OutputStream out;
        private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final Thread writer;
        private volatile IOException failure;
        private Chunk current;
        private boolean closed;

        WriteBehind(OutputStream out) {
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
        void abandon() {
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
            } catch (IOException e) {
                failure = e;
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
}
