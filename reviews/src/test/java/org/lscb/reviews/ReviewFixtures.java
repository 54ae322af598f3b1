package org.lscb.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.Reviewer;

/** Fixed dates, ids and builders shared by the review tests; nothing here is mutable. */
final class ReviewFixtures {

    /** Monday 15 June 2026: every fixed date below lies before it. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");

    /** Friday 27 February 2026. */
    static final LocalDate INCIDENT = LocalDate.of(2026, 2, 27);
    /** Monday 2 March 2026. */
    static final LocalDate NOTIFIED = LocalDate.of(2026, 3, 2);

    static final String LEAD_BOARD = "1b7c0d52-0000-4000-8000-00000000b001";
    static final String COOPERATING_BOARD = "1b7c0d52-0000-4000-8000-00000000b002";
    static final String POLICE = "1b7c0d52-0000-4000-8000-00000000a001";
    static final String HEALTH = "1b7c0d52-0000-4000-8000-00000000a002";
    static final String SOCIAL_CARE = "1b7c0d52-0000-4000-8000-00000000a003";
    static final String SCHOOL = "1b7c0d52-0000-4000-8000-00000000a004";

    static final String OFFICER = "account-officer-1";
    static final String CHAIR = "account-chair-1";

    private ReviewFixtures() {}

    static LeadBoardRule.Boards boards() {
        return new LeadBoardRule.Boards(LEAD_BOARD, Set.of(COOPERATING_BOARD));
    }

    static Review.Opening scrOpening(LocalDate incident, LocalDate notification) {
        return new Review.Opening(
                ReviewType.SERIOUS_CASE_REVIEW,
                "NM-SCR-2026-03",
                "Child A",
                boards(),
                Set.of(POLICE, HEALTH),
                new KeyDates(incident, null, notification, null, null, TODAY),
                null,
                false);
    }

    /** A notified serious incident involving the police and health, awaiting the Chair's decision. */
    static Review scr() {
        return new Review(scrOpening(INCIDENT, NOTIFIED), OFFICER, NOW);
    }

    static Review cdr(ChildDeath death, LocalDate died, LocalDate registered) {
        return new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "NM-CDR-2026-11",
                        "Baby N",
                        boards(),
                        Set.of(HEALTH),
                        new KeyDates(null, died, null, registered, null, TODAY),
                        death,
                        false),
                OFFICER,
                NOW);
    }

    static ChildDeath unexpectedDeathAtHome() {
        return new ChildDeath(0, false, false, true, true, false, false);
    }

    /** Abuse suspected and the child died: regulation 5(2)(b)(i). */
    static ScrFacts criteriaMet() {
        return new ScrFacts(true, true, false, InterAgencyConcern.NO, false);
    }

    /** Abuse suspected, seriously harmed, clearly no concern about inter-agency working. */
    static ScrFacts criteriaNotMet() {
        return new ScrFacts(true, false, true, InterAgencyConcern.NO, false);
    }

    /** An SCR the Chair commissioned on {@code decided}. */
    static Review commissionedScr(LocalDate decided) {
        Review r = scr();
        r.recordScrDecision(
                criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "Child died; neglect suspected", decided, CHAIR, TODAY);
        return r;
    }

    static Reviewer reviewer(Affiliation... affiliations) {
        Reviewer r = new Reviewer(
                null, new Reviewer.Profile("Test Reviewer", null, Set.of(), Set.of(), Set.of(), true), NOW);
        for (Affiliation a : affiliations) {
            r.addAffiliation(a, NOW);
        }
        return r;
    }

    /** A reviewer with a verified track record of systems reviews. */
    static Reviewer qualifiedReviewer(Affiliation... affiliations) {
        Reviewer r = reviewer(affiliations);
        Evidence e = r.addEvidence(
                new Evidence(
                        EvidenceType.TRACK_RECORD,
                        "Led SCR 2019/04",
                        "Westshire LSCB",
                        LocalDate.of(2019, 5, 1),
                        null,
                        null,
                        TODAY),
                NOW);
        r.verifyEvidence(e.id(), OFFICER, NOW, "checked with the board");
        return r;
    }

    /** Open-ended employment since 2015. */
    static Affiliation employedBy(String organisationId) {
        return new Affiliation(
                organisationId, AffiliationKind.EMPLOYMENT, "Practitioner", LocalDate.of(2015, 1, 1), null);
    }
}
