package org.lscb.exchange.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * docs/security.md B6, very slow bodies: a request body must bring at least {@code minBytes} in every
 * {@code window}, or reading it fails with {@link TooSlowException}. Without this a client trickling a
 * byte at a time holds a request thread and a temporary file for as long as it likes (a "slowloris").
 * The rate is checked whenever a read returns; a read that blocks outright is ended by the HTTP
 * server's own read timeout. {@code minBytes} 0 turns the check off.
 */
public final class MinimumRate extends FilterInputStream {

    private final long minBytes;
    private final Duration window;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private long inWindow;

    public MinimumRate(InputStream in, long minBytes, Duration window) {
        this(in, minBytes, window, System::nanoTime);
    }

    MinimumRate(InputStream in, long minBytes, Duration window, LongSupplier nanoTime) {
        super(in);
        if (minBytes < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a minimum rate needs bytes >= 0 and a positive window");
        }
        this.minBytes = minBytes;
        this.window = window;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        counted(n);
        return n;
    }

    private void counted(int n) {
        if (n < 0 || minBytes == 0) {
            return; // the end came in time, or there is no minimum
        }
        inWindow += n;
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            if (inWindow < minBytes) {
                throw new TooSlowException(minBytes, window);
            }
            windowStart = now;
            inWindow = 0;
        }
    }
}
