package org.lscb.envelope;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks the BER framing of exactly one object as its bytes stream past, whoever reads them: every
 * tag and length well formed, no element longer than the one around it, end-of-contents only where an
 * indefinite length is open, nesting at most {@value #MAX_DEPTH} deep, and nothing after the object.
 * A flipped bit in a length or an end-of-contents octet, a truncation at any boundary or trailing
 * bytes become an {@link IOException}. Constant memory: a stack of open lengths.
 */
public final class BerFraming extends FilterInputStream {

    public static final int MAX_DEPTH = 64;
    private static final long INDEFINITE = -1;

    /** Bytes left in each open constructed element, or INDEFINITE. */
    private final Deque<long[]> open = new ArrayDeque<>();

    private final byte[] header = new byte[16];
    private int headerLength;
    /** Content bytes left in the current primitive element. */
    private long primitiveLeft;

    private boolean started;
    private boolean complete;

    /** The bytes are not one well-framed BER object. */
    public static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }

    public BerFraming(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
            return n;
        }
        scan(b, off, n);
        return n;
    }

    /**
     * The same check on bytes as they are written, for an object that one step writes rather than reads:
     * {@link Output#finish()} fails unless exactly one complete object went through.
     */
    public static Output checking(OutputStream out) {
        return new Output(out);
    }

    /** Checks the framing of what is written through it; see {@link #checking}. */
    public static final class Output extends FilterOutputStream {

        private final BerFraming check = new BerFraming(InputStream.nullInputStream());

        private Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check.scan(b, off, len);
            out.write(b, off, len);
        }

        /** Fails unless exactly one complete object was written. */
        public void finish() throws IOException {
            check.atEnd();
        }
    }

    private void atEnd() throws FramingException {
        if (!complete) {
            throw new FramingException("truncated: the object ends before its framing does");
        }
    }

    /** Checks {@code n} more bytes of the object. */
    private void scan(byte[] b, int off, int n) throws IOException {
        int i = off;
        int end = off + n;
        while (i < end) {
            if (primitiveLeft > 0 && !complete) {
                // content bytes in bulk: only their count matters
                int k = (int) Math.min(primitiveLeft, end - i);
                primitiveLeft -= k;
                consumed(k);
                i += k;
                if (primitiveLeft == 0) {
                    closeFinished();
                }
            } else {
                accept(b[i++]);
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads whatever is left and fails unless exactly one complete object was read. */
    public void finish() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // accept() checks every byte
        }
    }

    private void accept(byte b) throws IOException {
        if (complete) {
            throw new FramingException("trailing bytes after the object");
        }
        started = true;
        if (primitiveLeft > 0) {
            primitiveLeft--;
            consumed(1);
            if (primitiveLeft == 0) {
                closeFinished();
            }
            return;
        }
        header[headerLength++] = b;
        long[] parsed = parseHeader();
        if (parsed == null) {
            if (headerLength == header.length) {
                throw new FramingException("a tag or length too long");
            }
            return;
        }
        int headerBytes = headerLength;
        headerLength = 0;
        boolean constructed = (header[0] & 0x20) != 0;
        long length = parsed[0];
        consumed(headerBytes);
        if (header[0] == 0 && length == 0) { // end-of-contents
            long[] top = open.peek();
            if (top == null || top[0] != INDEFINITE) {
                throw new FramingException("end-of-contents where no indefinite length is open");
            }
            open.pop();
            closeFinished();
            return;
        }
        if (length == INDEFINITE && !constructed) {
            throw new FramingException("an indefinite length on a primitive element");
        }
        if (length != INDEFINITE) {
            long[] top = open.peek();
            if (top != null && top[0] != INDEFINITE && length > top[0]) {
                throw new FramingException("an element longer than the element around it");
            }
        }
        if (constructed) {
            if (open.size() >= MAX_DEPTH) {
                throw new FramingException("nesting deeper than " + MAX_DEPTH);
            }
            open.push(new long[] {length});
            if (length == 0) {
                open.pop();
                closeFinished();
            }
        } else {
            primitiveLeft = length;
            if (length == 0) {
                closeFinished();
            }
        }
    }

    /** Counts bytes against every enclosing definite length. */
    private void consumed(long n) throws IOException {
        for (long[] o : open) {
            if (o[0] != INDEFINITE) {
                o[0] -= n;
                if (o[0] < 0) {
                    throw new FramingException("an element runs past the end of the element around it");
                }
            }
        }
    }

    /** Pops every definite-length element that is now full; marks the object complete at the top level. */
    private void closeFinished() {
        while (!open.isEmpty() && open.peek()[0] == 0) {
            open.pop();
        }
        if (open.isEmpty() && primitiveLeft == 0) {
            complete = started;
        }
    }

    /** The tag-and-length header so far: {length or INDEFINITE}, or null while more bytes are needed. */
    private long[] parseHeader() throws IOException {
        int i = 0;
        if ((header[i] & 0x1f) == 0x1f) { // high tag number form
            do {
                if (++i >= headerLength) {
                    return null;
                }
            } while ((header[i] & 0x80) != 0);
        }
        if (++i >= headerLength) {
            return null;
        }
        int first = header[i] & 0xff;
        if (first < 0x80) {
            return i + 1 == headerLength ? new long[] {first} : null;
        }
        if (first == 0x80) {
            return new long[] {INDEFINITE};
        }
        int count = first & 0x7f;
        if (count > 7) {
            throw new FramingException("a declared length of " + count + " bytes");
        }
        if (headerLength < i + 1 + count) {
            return null;
        }
        long length = 0;
        for (int k = 0; k < count; k++) {
            length = (length << 8) | (header[i + 1 + k] & 0xff);
        }
        return new long[] {length};
    }
}
