package org.lscb.bench;

import java.util.Arrays;

/** Latencies in nanoseconds and their percentiles. */
final class Latencies {

    private final long[] nanos;
    private int n;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long value) {
        nanos[n++] = value;
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1_000_000.0;
    }

    /** Takes in another set's values, as when each client thread kept its own; the capacity must allow it. */
    void addAll(Latencies other) {
        System.arraycopy(other.nanos, 0, nanos, n, other.n);
        n += other.n;
    }

    int count() {
        return n;
    }

    String describe() {
        return String.format("p50 %7.2f ms   p99 %7.2f ms", percentileMillis(50), percentileMillis(99));
    }
}
