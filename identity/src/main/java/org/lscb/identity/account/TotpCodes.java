package org.lscb.identity.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app makes them: HMAC-SHA1, 30-second steps,
 * six digits. A code is accepted for the current step or the one either side (RFC 6238 section 6 allows for
 * a phone's clock being a little off), and only for a step after the last one accepted, so that a code seen
 * over someone's shoulder or in a log cannot be used again.
 */
public final class TotpCodes {

    /** Steps either side of now that still count. */
    static final int DRIFT_STEPS = 1;
    /** Bytes of a new secret: 160 bits, the HMAC-SHA1 output size RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();

    /** The 30-second step that {@code at} falls in. */
    public long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), generator.getTimeStep().getSeconds());
    }

    /** The code for the step {@code at} falls in (what an authenticator app shows then). */
    public String codeAt(byte[] secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a TOTP secret", e);
        }
    }

    /**
     * The step {@code code} was made for, if it is one of the steps around {@code now} and later than
     * {@code lastUsedStep}; empty when it does not match or was used already. All candidate steps are
     * compared in constant time.
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.replace(" ", "").strip();
        if (typed.length() != generator.getPasswordLength() || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            String expected = codeAt(
                    secret, Instant.ofEpochSecond(step * generator.getTimeStep().getSeconds()));
            boolean same = MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
