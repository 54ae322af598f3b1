package org.lscb.envelope.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds how much of an envelope may be read by a step that needs only its header (its recipients), which
 * the parsers read into memory: a header of a gigabyte must fail early rather than fill the heap. Opening
 * reads past the header and bounds what it reads with {@link NonContentLimit} instead.
 */
public final class HeaderLimit extends ChargedStream {

    /** Far more than any real recipient set (a few kilobytes per recipient). */
    public static final long MAX_HEADER = 4L * 1024 * 1024;

    private long read;

    public HeaderLimit(InputStream in) {
        super(in);
    }

    @Override
    void charge(long n) throws IOException {
        read += n;
        if (read > MAX_HEADER) {
            throw new IOException("the envelope's header is larger than " + MAX_HEADER + " bytes");
        }
    }
}
