package org.lscb.reviews.notification;

import org.lscb.foundation.value.InvalidValueException;

/**
 * An NHS number: ten digits whose last is a modulus 11 check digit. The first nine digits are weighted 10
 * down to 2 and summed; eleven less the sum's remainder on division by 11 is the check digit, 11 counting as
 * 0, and 10 never issued (a number whose remainder gives 10 is invalid). Spaces between the digits, as the
 * number is printed ("943 476 5919"), are allowed and dropped. The number is checked to catch a mistyped
 * digit before it decides whether two notifications are of the same child; it is never stored
 * ({@link ChildKey}).
 */
public final class NhsNumber {

    public static final int DIGITS = 10;

    private NhsNumber() {}

    /**
     * @return the ten digits, without spaces
     * @throws InvalidValueException naming {@code field} when the number is missing, not ten digits, or its check
     *                               digit is wrong or could never be issued
     */
    public static String check(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required: the child's NHS number, ten digits");
        }
        String digits = value.strip().replace(" ", "");
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(field, "must be ten digits (spaces between them are allowed)");
        }
        int sum = 0;
        for (int i = 0; i < DIGITS - 1; i++) {
            sum += (digits.charAt(i) - '0') * (DIGITS - i);
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            throw new InvalidValueException(
                    field, "is not an NHS number: no number with these first nine digits is issued");
        }
        if (check == 11) {
            check = 0;
        }
        if (digits.charAt(DIGITS - 1) - '0' != check) {
            throw new InvalidValueException(
                    field, "is not an NHS number: its check digit is wrong; is a digit mistyped?");
        }
        return digits;
    }
}
