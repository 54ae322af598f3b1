package org.lscb.envelope.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.lscb.envelope.BerFraming;
import org.lscb.envelope.UnsupportedEnvelopeException;

/**
 * Reads BER tag-length-value elements from a stream one header at a time, so that a caller decides what
 * each element may cost before any of it is read: large content (or a large element whole) is streamed
 * through, small elements are read whole under a cap that is checked against the declared length (or, for
 * an indefinite length, as the bytes arrive) before anything more is buffered. Framing errors are refused as they are met:
 * truncation, a child longer than its parent, end-of-contents outside an indefinite length, nesting
 * deeper than {@link BerFraming#MAX_DEPTH}.
 */
public final class BerReader {

    /**
     * One element's header.
     *
     * @param tag     the first identifier octet (class, constructed bit, tag number or 0x1f)
     * @param length  the content length, or -1 for an indefinite length
     * @param encoded the header's bytes as read
     */
    public record Header(int tag, long length, byte[] encoded) {
        public boolean indefinite() {
            return length < 0;
        }

        public boolean constructed() {
            return (tag & 0x20) != 0;
        }

        boolean endOfContents() {
            return tag == 0 && length == 0;
        }
    }

    /** An open constructed element: where it ends ({@code -1} while the length is indefinite). */
    public record Frame(Header header, long end) {}

    private static final byte[] END_OF_CONTENTS = {0, 0};

    private final InputStream in;
    private long position;

    public BerReader(InputStream in) {
        this.in = in;
    }

    /** The header of the outermost element. */
    public Header first() throws IOException {
        return header();
    }

    /** Opens a constructed element whose header has been read. */
    public Frame open(Header h) {
        if (!h.constructed()) {
            throw new UnsupportedEnvelopeException("a primitive element where a constructed one belongs");
        }
        return new Frame(h, h.indefinite() ? -1 : position + h.length());
    }

    /** The header of the next child of {@code parent}, or null when the parent ends (its end-of-contents consumed). */
    public Header next(Frame parent) throws IOException {
        if (parent.end() >= 0) {
            if (position == parent.end()) {
                return null;
            }
            if (position > parent.end()) {
                throw new UnsupportedEnvelopeException("an element that runs past the end of the element around it");
            }
        }
        Header h = header();
        if (h.endOfContents()) {
            if (parent.end() >= 0) {
                throw new UnsupportedEnvelopeException("an end-of-contents inside a definite length");
            }
            return null;
        }
        if (parent.end() >= 0 && !h.indefinite() && position + h.length() > parent.end()) {
            throw new UnsupportedEnvelopeException("an element longer than the element around it");
        }
        return h;
    }

    /** The next child of {@code parent}, which must be there and carry {@code tag}. */
    public Header expect(Frame parent, int tag, String what) throws IOException {
        Header h = next(parent);
        if (h == null) {
            throw new UnsupportedEnvelopeException("a structure without its " + what);
        }
        if (h.tag() != tag) {
            throw new UnsupportedEnvelopeException(
                    "a structure whose " + what + " has tag 0x" + Integer.toHexString(h.tag()));
        }
        return h;
    }

    /** Consumes the end of {@code parent}; any further child is refused. */
    public void close(Frame parent, String what) throws IOException {
        if (next(parent) != null) {
            throw new UnsupportedEnvelopeException("an unexpected element at the end of " + what);
        }
    }

    /** Refuses anything after the outermost element. */
    public void expectEnd() throws IOException {
        if (in.read() >= 0) {
            throw new UnsupportedEnvelopeException("trailing bytes after the object");
        }
    }

    /**
     * Element {@code h} whole, header included, as at most {@code cap} bytes: a longer element is refused
     * before its content is read (definite length) or as soon as it passes the cap (indefinite length).
     */
    public byte[] readWhole(Header h, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copyWhole(h, out, position - h.encoded().length, cap, 0);
        return out.toByteArray();
    }

    /**
     * Streams element {@code h} (whose header has just been read) whole, header included, to {@code out},
     * however long it is: for an element passed on byte for byte. Its framing is checked as it passes, as
     * {@link #readWhole} checks it, but none of it is kept.
     */
    public void copyWhole(Header h, OutputStream out) throws IOException {
        copyWhole(h, out, position - h.encoded().length, Long.MAX_VALUE, 0);
    }

    /** Streams a primitive element's content to {@code out}. */
    public void copyContent(Header h, OutputStream out) throws IOException {
        if (h.constructed()) {
            throw new UnsupportedEnvelopeException("a constructed element where a primitive one belongs");
        }
        byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(h.length(), 1))];
        long left = h.length();
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw truncated();
            }
            position += n;
            left -= n;
            out.write(buf, 0, n);
        }
    }

    /**
     * Copies {@code h} and what it holds; everything read since {@code start}, where the outermost element
     * began, counts against {@code cap}, checked before a definite length's content is read.
     */
    private void copyWhole(Header h, OutputStream out, long start, long cap, int depth) throws IOException {
        if (depth > BerFraming.MAX_DEPTH) {
            throw new UnsupportedEnvelopeException("nesting deeper than " + BerFraming.MAX_DEPTH);
        }
        if (position - start > cap || !h.indefinite() && position - start + h.length() > cap) {
            throw tooLarge(cap);
        }
        out.write(h.encoded());
        if (!h.constructed()) {
            copyContent(h, out);
            return;
        }
        Frame f = open(h);
        Header child;
        while ((child = next(f)) != null) {
            copyWhole(child, out, start, cap, depth + 1);
        }
        if (h.indefinite()) { // next() has read its end-of-contents
            if (position - start > cap) {
                throw tooLarge(cap);
            }
            out.write(END_OF_CONTENTS);
        }
    }

    private static UnsupportedEnvelopeException tooLarge(long cap) {
        return new UnsupportedEnvelopeException(
                "an element of more than " + cap + " bytes where at most that many are allowed");
    }

    private Header header() throws IOException {
        byte[] buf = new byte[16];
        int n = 0;
        int tag = read();
        buf[n++] = (byte) tag;
        if ((tag & 0x1f) == 0x1f) { // high tag number form
            int b;
            do {
                if (n > 5) {
                    throw new UnsupportedEnvelopeException("a tag number too long");
                }
                b = read();
                buf[n++] = (byte) b;
            } while ((b & 0x80) != 0);
        }
        int first = read();
        buf[n++] = (byte) first;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            if ((tag & 0x20) == 0) {
                throw new UnsupportedEnvelopeException("an indefinite length on a primitive element");
            }
            length = -1;
        } else {
            int count = first & 0x7f;
            if (count > 7) {
                throw new UnsupportedEnvelopeException("a declared length of " + count + " bytes");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                int b = read();
                buf[n++] = (byte) b;
                length = (length << 8) | b;
            }
        }
        if (tag == 0 && length != 0) {
            throw new UnsupportedEnvelopeException("a malformed end-of-contents");
        }
        return new Header(tag, length, Arrays.copyOf(buf, n));
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        position++;
        return b;
    }

    private static UnsupportedEnvelopeException truncated() {
        return new UnsupportedEnvelopeException("a truncated object");
    }
}
