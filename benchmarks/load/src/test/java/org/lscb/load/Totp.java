package org.lscb.load;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.binary.Base32;
import org.lscb.identity.account.TotpCodes;

/**
 * One-time codes for the accounts that must sign in with a second factor, made by identity's {@link TotpCodes} as
 * an authenticator app makes them. The server accepts each step once per account, so each account's last used step
 * is kept and the next code is that of a step not used yet: the current one, or the one after it (the server allows
 * one step of drift). A step is used up only when its code is returned, as the server tests' {@code Api.nextCode}
 * does.
 */
final class Totp {

    private static final TotpCodes CODES = new TotpCodes();

    private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {}

    static void remember(String username, String base32Secret) {
        SECRETS.put(username, new Base32().decode(base32Secret));
    }

    static boolean knows(String username) {
        return SECRETS.containsKey(username);
    }

    /** The code of the next step this account has not used, or null when the current step and the next are used. */
    static String nextCode(String username) {
        long current = CODES.stepOf(Instant.now());
        long[] chosen = {Long.MIN_VALUE};
        LAST_STEP.compute(username, (u, last) -> {
            long next = last == null ? current : Math.max(current, last + 1);
            if (next > current + 1) {
                return last; // no step left: nothing is used up
            }
            chosen[0] = next;
            return next;
        });
        if (chosen[0] == Long.MIN_VALUE) {
            return null;
        }
        return CODES.codeAt(SECRETS.get(username), Instant.ofEpochSecond(chosen[0] * 30));
    }
}
