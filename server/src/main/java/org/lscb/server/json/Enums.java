package org.lscb.server.json;

import java.util.Arrays;
import org.lscb.registry.value.InvalidValueException;

/** Reads an enum value a caller sent, naming the field and the allowed values when it is wrong. */
public final class Enums {

    private Enums() {
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
