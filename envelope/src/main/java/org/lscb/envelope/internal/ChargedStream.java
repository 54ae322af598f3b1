package org.lscb.envelope.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that charges every byte that passes through it, read or skipped, to a budget its subclass keeps:
 * the one place where the bounds on what a parser may read ({@link HeaderLimit}, {@link NonContentLimit}) see
 * the bytes go by, so that no way of moving through the stream escapes them.
 */
abstract class ChargedStream extends FilterInputStream {

    ChargedStream(InputStream in) {
        super(in);
    }

    /** Called after {@code n} more bytes went by; throws when they exceed the budget. */
    abstract void charge(long n) throws IOException;

    @Override
    public final int read() throws IOException {
        int b = super.read();
        charge(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        charge(Math.max(n, 0));
        return n;
    }

    @Override
    public final long skip(long n) throws IOException {
        long k = super.skip(n);
        charge(Math.max(k, 0));
        return k;
    }
}
