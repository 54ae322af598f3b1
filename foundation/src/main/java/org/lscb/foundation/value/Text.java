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
            if (Character.isISOControl(c) || reordersDisplay(c)) {
                throw new InvalidValueException(field, "must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                // a pair is one character beyond the basic plane; half of one is no character at all
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new InvalidValueException(field, "must be Unicode text (it holds half of a character)");
                }
                i++;
            }
        }
        return value;
    }

    /**
     * The explicit bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they
     * make text display in another order than it is stored, so a title or name could read as something else
     * (docs/security.md B8). The marks U+200E and U+200F stay allowed: right-to-left scripts need them, and
     * they reorder nothing beyond themselves.
     */
    static boolean reordersDisplay(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
