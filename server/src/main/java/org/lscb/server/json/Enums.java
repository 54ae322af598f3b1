package org.lscb.server.json;

import java.util.Arrays;
import org.lscb.foundation.value.InvalidValueException;

/** Reads an enum value a caller sent, naming the field and the allowed values when it is wrong. */
public final class Enums {

    private Enums() {}

    /** Values from a list, from repeated query parameters or from comma-separated ones; empty when none. */
    public static <E extends Enum<E>> java.util.Set<E> parseAll(
            Class<E> type, java.util.List<String> values, String field) {
        java.util.Set<E> out = java.util.EnumSet.noneOf(type);
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (value == null) {
                throw new InvalidValueException(field, "must not contain empty values");
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(type, part.strip(), field));
                }
            }
        }
        return out;
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new InvalidValueException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
