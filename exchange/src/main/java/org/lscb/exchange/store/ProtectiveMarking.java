package org.lscb.exchange.store;

import org.lscb.foundation.value.InvalidValueException;

/** Government Security Classification markings a review document may carry; OFFICIAL-SENSITIVE by default. */
public enum ProtectiveMarking {
    OFFICIAL("OFFICIAL"),
    OFFICIAL_SENSITIVE("OFFICIAL-SENSITIVE");

    private final String label;

    ProtectiveMarking(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProtectiveMarking parse(String text) {
        if (text == null || text.isBlank()) {
            return OFFICIAL_SENSITIVE;
        }
        for (ProtectiveMarking m : values()) {
            if (m.label.equalsIgnoreCase(text.strip()) || m.name().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new InvalidValueException("marking", "must be OFFICIAL or OFFICIAL-SENSITIVE");
    }
}
