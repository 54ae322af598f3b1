package org.lscb.registry.independence;

import java.util.List;

/**
 * The answer of the independence check: independent of the case and of the involved organisations,
 * independent of the commissioning LSCB, and every conflict that decided it.
 */
public record IndependenceAnswer(boolean independent, boolean independentOfLscb, List<Conflict> conflicts) {

    public IndependenceAnswer {
        conflicts = List.copyOf(conflicts);
    }
}
