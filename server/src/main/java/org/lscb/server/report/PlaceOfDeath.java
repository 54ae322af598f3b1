package org.lscb.server.report;

import org.lscb.reviews.ChildDeath;

/**
 * Where a child died, as far as a child death review records it: abroad (still reviewed by the board of
 * residence [24]), in custody (always also a serious case [17]), at home (where the rapid response visits [32]),
 * or elsewhere in England, such as a hospital. Each death has exactly one, taken in that order.
 */
public enum PlaceOfDeath {
    ABROAD("Abroad"),
    IN_CUSTODY("In custody"),
    AT_HOME("At home"),
    ELSEWHERE("Hospital or elsewhere in England");

    private final String label;

    PlaceOfDeath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PlaceOfDeath of(ChildDeath d) {
        if (d.abroad()) {
            return ABROAD;
        }
        if (d.inCustody()) {
            return IN_CUSTODY;
        }
        return d.atHome() ? AT_HOME : ELSEWHERE;
    }
}
