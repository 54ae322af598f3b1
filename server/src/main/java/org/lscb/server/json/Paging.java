package org.lscb.server.json;

import org.lscb.foundation.value.InvalidValueException;

/** {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE}) from query text; anything else is a 400. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static Paging parse(String page, String size) {
        int p = number(page, "page", 0, 0, 1_000_000);
        int s = number(size, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new Paging(p, s);
    }

    private static int number(String text, String field, int dflt, int min, int max) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                throw new InvalidValueException(field, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "must be a whole number between " + min + " and " + max);
        }
    }
}
