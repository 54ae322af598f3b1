package org.lscb.library;

import java.util.Arrays;
import java.util.Optional;

/** A value of a fixed list with a stable code for the API and links, and a label for people. */
public interface Coded {

    String code();

    String label();

    /** The value of {@code type} whose code is {@code code}, if any. */
    static <E extends Enum<E> & Coded> Optional<E> ofCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(v -> v.code().equals(code))
                .findFirst();
    }
}
