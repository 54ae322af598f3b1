package org.lscb.exchange.envelope.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds how much may be read before {@link #lift()}: the parsers read an envelope's header (its
 * recipients) into memory, so a header of a gigabyte must fail early rather than fill the heap.
 */
public final class HeaderLimit extends FilterInputStream {

    /** Far more than any real recipient set (a few kilobytes per recipient). */
    public static final long MAX_HEADER = 4L * 1024 * 1024;

    private long read;
    private boolean lifted;

    public HeaderLimit(InputStream in) {
        super(in);
    }

    public void lift() {
        lifted = true;
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
        if (!lifted && read > MAX_HEADER) {
            throw new IOException("the envelope's header is larger than " + MAX_HEADER + " bytes");
        }
    }
}
