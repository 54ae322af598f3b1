package org.lscb.reviews;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a case meets the criteria for a Serious Case Review:
 * <ul>
 * <li>regulation 5(2): abuse or neglect known or suspected, and either the child died, or the child was
 *     seriously harmed and there is cause for concern about how organisations worked together;</li>
 * <li>[18]: unless it is clear that there is no concern about inter-agency working, there is one;</li>
 * <li>[17]: a child who died in custody or detained under mental health law always meets them.</li>
 * </ul>
 * Where the criteria are met the Chair must commission an SCR [17]; where they are not, the board may
 * commission a management review instead [18].
 */
public final class ScrCriteria {

    /** The derived answer and the sentences that led to it. */
    public record Assessment(boolean met, List<String> because) {
        public Assessment {
            because = List.copyOf(because);
        }
    }

    private ScrCriteria() {}

    public static Assessment assess(ScrFacts f) {
        List<String> because = new ArrayList<>();
        if (f.diedInCustody()) {
            because.add("the child died in custody or detained under mental health law [17]");
            return new Assessment(true, because);
        }
        if (!f.abuseOrNeglectKnownOrSuspected()) {
            because.add("abuse or neglect is neither known nor suspected (regulation 5(2)(a))");
            return new Assessment(false, because);
        }
        because.add("abuse or neglect is known or suspected (regulation 5(2)(a))");
        if (f.childDied()) {
            because.add("the child died (regulation 5(2)(b)(i))");
            return new Assessment(true, because);
        }
        if (!f.seriouslyHarmed()) {
            because.add("the child neither died nor was seriously harmed (regulation 5(2)(b))");
            return new Assessment(false, because);
        }
        because.add("the child was seriously harmed (regulation 5(2)(b)(ii))");
        return switch (f.interAgencyConcern()) {
            case YES -> met(because, "there is cause for concern about inter-agency working");
            case UNCLEAR ->
                met(
                        because,
                        "it is not clear that there is no concern about inter-agency working, so there is one [18]");
            case NO -> {
                because.add("it is clear that there is no concern about inter-agency working");
                yield new Assessment(false, because);
            }
        };
    }

    private static Assessment met(List<String> because, String last) {
        because.add(last);
        return new Assessment(true, because);
    }
}
