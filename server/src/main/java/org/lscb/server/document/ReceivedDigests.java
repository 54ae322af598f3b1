package org.lscb.server.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A request body that hashes itself as it is read, with the algorithms a {@link ContentDigest} names, so
 * that its digests are known once whoever reads it has reached its end. Wrapped around the body as it
 * arrives, before anything that could change or drop a byte.
 */
final class ReceivedDigests extends FilterInputStream {

    private final Map<ContentDigest.Algorithm, MessageDigest> digests = new EnumMap<>(ContentDigest.Algorithm.class);
    private boolean ended;

    ReceivedDigests(InputStream body, Set<ContentDigest.Algorithm> algorithms) {
        super(body);
        algorithms.forEach(a -> digests.put(a, a.newDigest()));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            digests.values().forEach(d -> d.update((byte) b));
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            ended = true;
        } else {
            digests.values().forEach(d -> d.update(b, off, n));
        }
        return n;
    }

    /** Skipped bytes are read, so that they are hashed too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /**
     * The digests of the whole body, by algorithm.
     *
     * @throws IllegalStateException when the body was not read to its end: a digest of part of it means nothing
     */
    Map<ContentDigest.Algorithm, byte[]> digests() {
        if (!ended && !digests.isEmpty()) {
            throw new IllegalStateException("the body was not read to its end");
        }
        Map<ContentDigest.Algorithm, byte[]> out = new EnumMap<>(ContentDigest.Algorithm.class);
        digests.forEach((a, d) -> out.put(a, d.digest()));
        return out;
    }
}
