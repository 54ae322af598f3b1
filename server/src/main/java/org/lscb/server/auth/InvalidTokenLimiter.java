package org.lscb.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets through at most one report of an invalid bearer token per client address per window, and counts
 * the reports it holds back, so that a flood of bad tokens makes one audit entry a minute rather than
 * one per request. Memory is bounded: past {@code maxAddresses} addresses with a window still open,
 * new addresses share one window. The clock is a parameter so that tests move time rather than wait for it.
 */
public final class InvalidTokenLimiter {

    /** The key for addresses beyond the bound. */
    static final String OTHER_ADDRESSES = "*";

    private final Clock clock;
    private final Duration window;
    private final int maxAddresses;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public InvalidTokenLimiter(Clock clock, Duration window, int maxAddresses) {
        this.clock = clock;
        this.window = window;
        this.maxAddresses = maxAddresses;
    }

    /**
     * Answers, when this report may be written, how many reports from the address were held back since
     * the last one written; answers empty (and counts this one) when it must be held back.
     */
    public OptionalLong admit(String address) {
        Instant now = clock.instant();
        String key = keyFor(address, now);
        long[] released = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.opened.plus(window))) {
                released[0] = w == null ? 0 : w.heldBack;
                return new Window(now);
            }
            w.heldBack++;
            return w;
        });
        return released[0] < 0 ? OptionalLong.empty() : OptionalLong.of(released[0]);
    }

    private String keyFor(String address, Instant now) {
        if (windows.containsKey(address) || windows.size() < maxAddresses) {
            return address;
        }
        // closed windows go; a count they held back would only have been reported had the address come back
        windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().opened.plus(window)));
        return windows.size() < maxAddresses ? address : OTHER_ADDRESSES;
    }

    private static final class Window {
        final Instant opened;
        long heldBack;

        Window(Instant opened) {
            this.opened = opened;
        }
    }
}
