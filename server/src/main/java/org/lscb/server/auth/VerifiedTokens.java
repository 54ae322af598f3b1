package org.lscb.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bearer tokens already verified, so that a token presented again within its life is not parsed and its
 * signature not checked again: both cost more than the rest of a short request. Keyed by the token's SHA-256,
 * so the map holds no token itself.
 *
 * <p>An entry answers only while all of these hold, and otherwise is dropped and the token verified afresh:
 * the token has not expired (its {@code exp}, with no clock skew); the entry is younger than {@code maxAge};
 * and the trusted keys are the ones it was verified under (any change to the published key set, a key added or
 * removed, drops every entry). Checks made on every request after verification, such as the account lookup in
 * {@link CallerResolver}, are not cached here and keep taking effect at once.
 *
 * <p>At most {@code maxEntries} entries are kept, the least recently used going first. The clock is a parameter
 * so that tests move time rather than wait for it.
 *
 * @param <V> what verification produced (the identity store's answer)
 */
public final class VerifiedTokens<V> {

    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Entry<V>> entries;
    /** The trusted keys every entry was verified under; a different set empties the map. */
    private Object keys;

    public VerifiedTokens(Clock clock, Duration maxAge, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > VerifiedTokens.this.maxEntries;
            }
        };
    }

    /**
     * What verifying {@code token} produced, if it was verified under {@code trustedKeys} (compared with
     * {@code equals}; null when the keys cannot be known, which still must match) and is still within its
     * life.
     */
    public Optional<V> find(String token, Object trustedKeys) {
        String key = hash(token);
        Instant now = clock.instant();
        synchronized (entries) {
            if (!Objects.equals(keys, trustedKeys)) {
                entries.clear();
                keys = trustedKeys;
                return Optional.empty();
            }
            Entry<V> e = entries.get(key);
            if (e == null) {
                return Optional.empty();
            }
            if (!now.isBefore(e.until)) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(e.verified);
        }
    }

    /**
     * Keeps what verifying {@code token} under {@code trustedKeys} produced, until the token's {@code expires}
     * or {@code maxAge} from now, whichever comes first. A token already expired is not kept.
     */
    public void remember(String token, V verified, Instant expires, Object trustedKeys) {
        Instant now = clock.instant();
        Instant until = now.plus(maxAge);
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (!now.isBefore(until)) {
            return;
        }
        String key = hash(token);
        synchronized (entries) {
            if (!Objects.equals(keys, trustedKeys)) {
                entries.clear();
                keys = trustedKeys;
            }
            entries.put(key, new Entry<>(verified, until));
        }
    }

    /** How many entries are kept, expired ones not yet dropped included. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Entry<V>(V verified, Instant until) {}
}
