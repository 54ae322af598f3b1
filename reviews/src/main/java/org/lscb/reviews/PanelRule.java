package org.lscb.reviews;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Reviewer;

/**
 * Whether the reviewers appointed to a review meet the guidance (checklist "Appointing reviewers",
 * [11, 15]): someone leads it; at least one reviewer is independent of the LSCB and of every
 * organisation involved; at least one is qualified in systems methodology. The guidance requires this
 * of an SCR and asks boards to follow the same principles in their other reviews [8], so it is checked
 * on every review. Only live appointments from the register count, and an overridden conflict does not
 * make a reviewer independent.
 *
 * <p>The lead itself must be independent: "reviews of serious cases must be led by individuals who are
 * independent of the case under review and of the organisations whose actions are being reviewed" [11].
 * A lead appointed over a conflict by the Chair's override (or flagged since) therefore leaves
 * {@link Requirement#INDEPENDENT_LEAD} unmet, whoever else sits on the panel; the override stays on the
 * appointment with its reason.
 */
public final class PanelRule {

    public enum Requirement {
        LEAD_REVIEWER_APPOINTED("no lead reviewer is appointed"),
        INDEPENDENT_LEAD(
                "no independent lead: the lead reviewer has a conflict with the case or the organisations reviewed"
                        + " (overridden by the Chair, or arisen since), and [11] requires the lead to be independent"),
        INDEPENDENT_REVIEWER("no appointed reviewer is independent of the LSCB and of every involved organisation"),
        QUALIFIED_REVIEWER("no appointed reviewer is qualified in systems methodology (verified, current evidence)");

        private final String unmetSentence;

        Requirement(String unmetSentence) {
            this.unmetSentence = unmetSentence;
        }

        public String unmetSentence() {
            return unmetSentence;
        }
    }

    public record Answer(boolean meetsGuidance, List<Requirement> unmet) {
        public Answer {
            unmet = List.copyOf(unmet);
        }
    }

    private final IndependenceCheck independence;
    private final QualificationRule qualification;

    public PanelRule(IndependenceCheck independence, QualificationRule qualification) {
        this.independence = independence;
        this.qualification = qualification;
    }

    /** @param reviewers the appointed reviewers by id (every live register appointment must be present) */
    public Answer check(Review review, Map<String, Reviewer> reviewers, LocalDate today) {
        boolean lead = false;
        boolean everyLeadIndependent = true;
        boolean independent = false;
        boolean qualified = false;
        for (Appointment a : review.activeAppointments()) {
            if (!a.role().fromRegister()) {
                continue;
            }
            Reviewer r = reviewers.get(a.reviewerId().orElseThrow());
            lead |= a.role() == AppointmentRole.LEAD_REVIEWER;
            IndependenceAnswer answer = review.independenceOf(r, independence, today);
            independent |= answer.independent() && answer.independentOfLscb();
            if (a.role() == AppointmentRole.LEAD_REVIEWER) {
                // [11]: an override records the Chair's acceptance of a conflict; it does not remove it
                everyLeadIndependent &=
                        answer.independent() && a.overrideReason().isEmpty();
            }
            qualified |= qualification.qualifiedOn(r, today);
        }
        List<Requirement> unmet = new ArrayList<>();
        if (!lead) {
            unmet.add(Requirement.LEAD_REVIEWER_APPOINTED);
        }
        if (!everyLeadIndependent) {
            unmet.add(Requirement.INDEPENDENT_LEAD);
        }
        if (!independent) {
            unmet.add(Requirement.INDEPENDENT_REVIEWER);
        }
        if (!qualified) {
            unmet.add(Requirement.QUALIFIED_REVIEWER);
        }
        return new Answer(unmet.isEmpty(), unmet);
    }
}
