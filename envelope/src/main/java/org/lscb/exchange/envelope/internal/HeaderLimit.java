package org.lscb.exchange.envelope.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds how much of an envelope may be read by a step that needs only its header (its recipients), which
 * the parsers read into memory: a header of a gigabyte must fail early rather than fill the heap. Opening
 * reads past the header and bounds what it reads with {@link NonContentLimit} instead.
 */
public final class HeaderLimit extends FilterInputStream {

    /** Far more than any real recipient set (a few kilobytes per recipient). */
    public static final long MAX_HEADER = 4L * 1024 * 1024;

    private long read;

    public HeaderLimit(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > MAX_HEADER) {
            throw new IOException("the envelope's header is larger than " + MAX_HEADER + " bytes");
        }
    }
}
