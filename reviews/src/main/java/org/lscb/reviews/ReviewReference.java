package org.lscb.reviews;

import java.util.regex.Pattern;
import org.lscb.foundation.value.InvalidValueException;

/** The board's own reference for a review ("NM-SCR-2026-03"), unique within the lead board. */
public final class ReviewReference {

    public static final int MAX = 60;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /_.\\-]*");

    private ReviewReference() {}

    public static String check(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("reference", "is required");
        }
        String v = value.strip();
        if (v.length() > MAX || !ALLOWED.matcher(v).matches()) {
            throw new InvalidValueException(
                    "reference",
                    "must be 1 to " + MAX + " letters, digits, spaces or / _ . - and start with a letter or digit");
        }
        return v;
    }
}
