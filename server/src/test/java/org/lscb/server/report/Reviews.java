package org.lscb.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.clock.WorkingDays;

/** Reviews with known dates and clocks for the report tests, all led by {@link #BOARD}, read on {@link #TODAY}. */
final class Reviews {

    static final String BOARD = "1b7c0d52-0000-4000-8000-00000000b001";
    static final String AGENCY = "1b7c0d52-0000-4000-8000-00000000a001";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private static int references;

    private Reviews() {}

    static Review scr(LocalDate incident, LocalDate notified) {
        return new Review(
                new Review.Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        "SCR-" + ++references,
                        "Child " + (references % 90 + 1),
                        new LeadBoardRule.Boards(BOARD, Set.of()),
                        Set.of(AGENCY),
                        new KeyDates(incident, null, notified, null, null, TODAY),
                        null,
                        false),
                "officer",
                NOW);
    }

    static Review decided(Review scr, ScrDecisionKind decision, LocalDate on) {
        ScrFacts facts = decision == ScrDecisionKind.COMMISSION_SCR
                ? new ScrFacts(true, true, false, InterAgencyConcern.YES, false)
                : new ScrFacts(false, false, true, InterAgencyConcern.NO, false);
        scr.recordScrDecision(facts, decision, "Decided at the board", on, "chair", TODAY);
        return scr;
    }

    /** The clock met on {@code on}; the visit decision [32], which is met at a time, at noon that day. */
    static Review met(Review r, ClockKind kind, LocalDate on) {
        if (kind == ClockKind.HOME_VISIT) {
            java.time.Instant noon = on.atTime(12, 0)
                    .atZone(org.lscb.reviews.clock.TimedClock.ENGLAND)
                    .toInstant();
            r.recordVisitDecision(org.lscb.reviews.VisitDecision.VISITED, noon, null, "officer", noon);
            return r;
        }
        r.meetClock(kind, on, TODAY);
        return r;
    }

    /** A child death review: notified on {@code notified}, the death the day before. */
    static Review childDeath(LocalDate notified, int age, boolean unexpected, boolean atHome) {
        return childDeath(notified, new ChildDeath(age, false, false, unexpected, atHome, false, false));
    }

    private static Review childDeath(LocalDate notified, ChildDeath childDeath) {
        LocalDate death = notified.minusDays(1);
        return new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "CDR-" + ++references,
                        "Child " + (references % 90 + 1),
                        new LeadBoardRule.Boards(BOARD, Set.of()),
                        Set.of(AGENCY),
                        new KeyDates(null, death, notified, death.plusDays(3), null, TODAY),
                        childDeath,
                        false),
                "officer",
                NOW);
    }

    /** A child death review of a death in the first year, its age in days given ({@code null}: not recorded). */
    static Review infantDeath(LocalDate notified, Integer days) {
        return childDeath(notified, new ChildDeath(0, false, false, true, true, false, false).withAgeInDays(days));
    }

    /** {@code r} analysed by the panel and signed off on {@code on}. */
    static Review signedOff(Review r, DeathCategory category, ModifiableFactors modifiable, LocalDate on) {
        Map<FactorDomain, FactorLevel> factors = new EnumMap<>(FactorDomain.class);
        for (FactorDomain d : FactorDomain.values()) {
            factors.put(d, FactorLevel.NONE_IDENTIFIED);
        }
        r.recordCdopAnalysis(new CdopAnalysis(category, factors, modifiable, "panel", NOW), List.of());
        r.signOffChildDeath(on);
        return r;
    }

    static ReportContext context(int year, Review... reviews) {
        ReportingYear y = new ReportingYear(year);
        return new ReportContext(
                BOARD,
                y,
                ReportContext.asAt(y, TODAY),
                java.util.List.of(reviews),
                ClockSpans.defaults(),
                WorkingDays.englandAndWales(),
                null);
    }
}
