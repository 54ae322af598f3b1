package org.lscb.reviews.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What stands for a child across notifications: HMAC-SHA256 of the NHS number and the date of birth under a key
 * of the deployment's (docs/security.md "Child identifiers"). The same child notified twice gives the same
 * value, so the second notification joins the first one's review; the NHS number and the date of birth
 * themselves are never stored. Keyed rather than a plain hash, since ten digits and a date are few enough to
 * try every one: without the key a copy of the database cannot be matched against a list of NHS numbers.
 */
public final class ChildKey {

    /** The length of the key, in bytes, and at least that of the deployment's derived key. */
    public static final int KEY_BYTES = 32;

    /** The hexadecimal HMAC's length, the column's. */
    public static final int LENGTH = 64;

    private final SecretKeySpec key;

    /** @param key at least {@link #KEY_BYTES} bytes derived for this purpose alone; copied */
    public ChildKey(byte[] key) {
        if (key == null || key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a child key needs a key of at least " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * @param nhsNumber   ten digits, as {@link NhsNumber#check} answers
     * @param dateOfBirth the child's date of birth
     * @return 64 lower-case hexadecimal characters
     */
    public String of(String nhsNumber, LocalDate dateOfBirth) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // fixed-length fields, so no two (number, date) pairs give the same input
            mac.update(("nhs:" + nhsNumber + ";dob:" + dateOfBirth).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ChildKey[secret]";
    }
}
