package org.lscb.server.report;

/**
 * The age bands of the DfE's child death review statistics, from the age at death in whole years that a child
 * death review holds [27]. The statistics split the first year into under 28 days (neonatal) and 28 to 364
 * days; a review holds no age finer than a year and no date of birth, by design (it must not name the child),
 * so the first year is one band here.
 */
public enum AgeBand {
    UNDER_1(0, 0, "Under 1 year"),
    FROM_1_TO_4(1, 4, "1 to 4 years"),
    FROM_5_TO_9(5, 9, "5 to 9 years"),
    FROM_10_TO_14(10, 14, "10 to 14 years"),
    FROM_15_TO_17(15, 17, "15 to 17 years");

    private final int from;
    private final int to;
    private final String label;

    AgeBand(int from, int to, String label) {
        this.from = from;
        this.to = to;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of an age at death in whole years, 0 to 17. */
    public static AgeBand of(int years) {
        for (AgeBand b : values()) {
            if (years >= b.from && years <= b.to) {
                return b;
            }
        }
        throw new IllegalArgumentException("a child death review covers ages 0 to 17, not " + years + " [27]");
    }
}
