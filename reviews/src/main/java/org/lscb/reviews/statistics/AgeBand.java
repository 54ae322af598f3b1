package org.lscb.reviews.statistics;

import org.lscb.reviews.ChildDeath;

/**
 * The age bands of the DfE's child death review statistics [28]. An infant's band needs whether the death was
 * neonatal ({@link ChildDeath#neonatal}); a death in the first year for which that was not recorded is counted
 * apart, not guessed.
 */
public enum AgeBand {
    UNDER_28_DAYS("0 to 27 days"),
    DAYS_28_TO_364("28 to 364 days"),
    UNDER_1_YEAR_DAYS_NOT_RECORDED("Under 1 year, age in days not recorded"),
    YEARS_1_TO_4("1 to 4 years"),
    YEARS_5_TO_9("5 to 9 years"),
    YEARS_10_TO_14("10 to 14 years"),
    YEARS_15_TO_17("15 to 17 years");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of a recorded death (its age in whole years, and in days for a death in the first year). */
    public static AgeBand of(ChildDeath death) {
        int years = death.ageAtDeathYears();
        if (years == 0) {
            Boolean neonatal = death.neonatal();
            if (neonatal == null) {
                return UNDER_1_YEAR_DAYS_NOT_RECORDED;
            }
            return neonatal ? UNDER_28_DAYS : DAYS_28_TO_364;
        }
        if (years <= 4) {
            return YEARS_1_TO_4;
        }
        if (years <= 9) {
            return YEARS_5_TO_9;
        }
        return years <= 14 ? YEARS_10_TO_14 : YEARS_15_TO_17;
    }
}
