package org.lscb.library;

import java.util.Optional;

/**
 * The child's age when the events reviewed happened, in bands wide enough that a published report cannot be
 * tied to a child by age [11]: the bands the national case review repository's readers search by.
 */
public enum AgeBand implements Coded {
    UNDER_1("under-1", "Under 1"),
    AGE_1_TO_4("1-4", "1 to 4"),
    AGE_5_TO_9("5-9", "5 to 9"),
    AGE_10_TO_15("10-15", "10 to 15"),
    AGE_16_TO_17("16-17", "16 to 17");

    private final String code;
    private final String label;

    AgeBand(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<AgeBand> ofCode(String code) {
        return Coded.ofCode(AgeBand.class, code);
    }
}
