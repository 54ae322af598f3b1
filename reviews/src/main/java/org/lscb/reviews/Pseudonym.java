package org.lscb.reviews;

import java.util.regex.Pattern;
import org.lscb.foundation.value.InvalidValueException;

/**
 * What a review calls the child ("Child A", "Baby N"). There is no field for a name, a date of birth
 * or an address anywhere in a review, and the pseudonym refuses what looks like one: it allows letters,
 * spaces, hyphens and apostrophes, and at most two digits in all, so no date, NHS number, phone
 * number or postcode fits, however it is spaced.
 */
public final class Pseudonym {

    public static final int MAX = 40;
    private static final Pattern ALLOWED = Pattern.compile("(?=.*\\p{L})[\\p{L}0-9 '\\-.]+");
    private static final int MAX_DIGITS = 2;
    private static final Pattern POSTCODE = Pattern.compile("(?i).*\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b.*");

    private Pseudonym() {}

    public static String check(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("pseudonym", "is required, such as 'Child A'; the child is never named");
        }
        String v = value.strip();
        if (v.length() > MAX) {
            throw new InvalidValueException("pseudonym", "must be at most " + MAX + " characters");
        }
        if (!ALLOWED.matcher(v).matches()
                || v.chars().filter(Character::isDigit).count() > MAX_DIGITS
                || POSTCODE.matcher(v).matches()) {
            throw new InvalidValueException(
                    "pseudonym",
                    "may hold letters, spaces, hyphens, apostrophes and short numbers only, such as 'Child A' or 'Sibling 2'");
        }
        return v;
    }
}
