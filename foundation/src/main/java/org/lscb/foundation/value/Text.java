package org.lscb.foundation.value;

/** Checks for the free text fields every aggregate has: present, trimmed, bounded, printable. */
public final class Text {

    private Text() {}

    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        return bounded(value.strip(), field, max);
    }

    public static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(value.strip(), field, max);
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    private static String bounded(String value, String field, int max) {
        if (value.length() > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u202e' || c == '\u202d') {
                throw new InvalidValueException(field, "must not contain control characters");
            }
        }
        return value;
    }
}
