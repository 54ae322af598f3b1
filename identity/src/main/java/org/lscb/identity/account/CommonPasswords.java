package org.lscb.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 100,000 most common passwords, as a compact sorted set that {@link PasswordPolicy} asks.
 *
 * <p>Source: {@code dictionaries/passwords.txt} in the Maven artifact {@code me.gosimple:nbvcxz:1.5.1}
 * (Adam Brusselback, MIT licence), read from
 * the class path so that the list is versioned by the pom like any other dependency. Nothing else
 * from that artifact is used, which is why it is a runtime dependency only.
 *
 * <p>Entries are kept in the form {@link PasswordPolicy} compares: NFKC, each code point lower-cased
 * with {@link Character#toLowerCase(int)}, UTF-8 encoded, sorted unsigned and de-duplicated (the file
 * has about 2,700 entries that differ only in case), all in one byte array with an array of offsets:
 * about 1 MB of heap (0.66 MB of text, 0.39 MB of offsets), against roughly 9 MB for a
 * {@code HashSet<String>} of the same entries.
 *
 * <p>Loaded once, on first use, by the holder idiom: the JVM runs a class's static initialiser
 * exactly once and makes every thread wait for it, so no locking is needed here.
 */
final class CommonPasswords {

    static final String RESOURCE = "dictionaries/passwords.txt";

    /** A much shorter file means the wrong resource or a damaged jar, and a check that silently lets weak passwords in. */
    private static final int EXPECTED_AT_LEAST = 90_000;

    private final byte[] entries;
    /** {@code starts[i]} is where entry i begins in {@link #entries}; one extra element marks the end. */
    private final int[] starts;

    private final int longestInCodePoints;

    private CommonPasswords(byte[] entries, int[] starts, int longestInCodePoints) {
        this.entries = entries;
        this.starts = starts;
        this.longestInCodePoints = longestInCodePoints;
    }

    private static final class Holder {
        static final CommonPasswords LIST = load();
    }

    /** The shared list; the first call reads the resource (a fraction of a second), later calls do not. */
    static CommonPasswords list() {
        return Holder.LIST;
    }

    int size() {
        return starts.length - 1;
    }

    /**
     * True when code points {@code from} (inclusive) to {@code to} (exclusive) of {@code lowerCase}, which
     * the caller has put in the list's form, are one of the entries. The UTF-8 copy made for the search
     * is zeroed before returning.
     */
    boolean contains(int[] lowerCase, int from, int to) {
        if (to - from <= 0 || to - from > longestInCodePoints) {
            return false;
        }
        byte[] key = new byte[(to - from) * 4];
        try {
            int keyLength = utf8(lowerCase, from, to, key);
            int low = 0;
            int high = size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int order = Arrays.compareUnsigned(entries, starts[mid], starts[mid + 1], key, 0, keyLength);
                if (order < 0) {
                    low = mid + 1;
                } else if (order > 0) {
                    high = mid - 1;
                } else {
                    return true;
                }
            }
            return false;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Puts code points in the list's form: NFKC, then each code point lower-cased. */
    static int[] listForm(String value) {
        String normal = isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
        return normal.codePoints().map(Character::toLowerCase).toArray();
    }

    private static CommonPasswords load() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The common password list " + RESOURCE
                    + " is not on the class path; the registry needs me.gosimple:nbvcxz at run time");
        }
        List<byte[]> read = new ArrayList<>(100_000);
        int longest = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                int[] form = listForm(line);
                longest = Math.max(longest, form.length);
                byte[] buffer = new byte[form.length * 4];
                read.add(Arrays.copyOf(buffer, utf8(form, 0, form.length, buffer)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common password list " + RESOURCE, e);
        }
        read.sort(Arrays::compareUnsigned);

        int total = 0;
        for (byte[] entry : read) {
            total += entry.length;
        }
        byte[] packed = new byte[total];
        int[] offsets = new int[read.size() + 1];
        int count = 0;
        int at = 0;
        byte[] previous = null;
        for (byte[] entry : read) {
            if (previous != null && Arrays.equals(previous, entry)) {
                continue;
            }
            offsets[count++] = at;
            System.arraycopy(entry, 0, packed, at, entry.length);
            at += entry.length;
            previous = entry;
        }
        offsets[count] = at;
        if (count < EXPECTED_AT_LEAST) {
            throw new IllegalStateException("The common password list " + RESOURCE + " has " + count
                    + " entries, fewer than the " + EXPECTED_AT_LEAST + " expected; is it the one from nbvcxz?");
        }
        return new CommonPasswords(Arrays.copyOf(packed, at), Arrays.copyOf(offsets, count + 1), longest);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Writes code points as UTF-8 into {@code out} (4 bytes per code point is always room enough); answers the length. */
    private static int utf8(int[] codePoints, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = codePoints[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | c >> 18);
                out[n++] = (byte) (0x80 | c >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
