package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.reviews.ReviewFixtures.CHAIR;
import static org.lscb.reviews.ReviewFixtures.COOPERATING_BOARD;
import static org.lscb.reviews.ReviewFixtures.HEALTH;
import static org.lscb.reviews.ReviewFixtures.INCIDENT;
import static org.lscb.reviews.ReviewFixtures.LEAD_BOARD;
import static org.lscb.reviews.ReviewFixtures.NOTIFIED;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.POLICE;
import static org.lscb.reviews.ReviewFixtures.TODAY;
import static org.lscb.reviews.ReviewFixtures.boards;
import static org.lscb.reviews.ReviewFixtures.cdr;
import static org.lscb.reviews.ReviewFixtures.criteriaMet;
import static org.lscb.reviews.ReviewFixtures.criteriaNotMet;
import static org.lscb.reviews.ReviewFixtures.scr;
import static org.lscb.reviews.ReviewFixtures.scrOpening;
import static org.lscb.reviews.ReviewFixtures.unexpectedDeathAtHome;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.WorkingDays;

/** Opening a review and the Chair's SCR decision (docs/domain.md "Review types", "SCR decision support"). */
class ReviewTest {

    private static final WorkingDays ENGLAND = WorkingDays.englandAndWales();
    /** Friday 20 March 2026. */
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 20);
    /** Monday 4 May 2026 (a bank holiday, which calendar-day clocks ignore). */
    private static final LocalDate DIED = LocalDate.of(2026, 5, 4);

    private static final LocalDate REGISTERED = LocalDate.of(2026, 5, 8);

    // ---- opening

    @Test
    void openingAnScr_keepsWhatTheBoardKnows() {
        Review r = scr();

        assertThat(r.id()).isNotBlank();
        assertThat(r.type()).isEqualTo(ReviewType.SERIOUS_CASE_REVIEW);
        assertThat(r.reference()).isEqualTo("NM-SCR-2026-03");
        assertThat(r.pseudonym()).isEqualTo("Child A");
        assertThat(r.leadLscbId()).isEqualTo(LEAD_BOARD);
        assertThat(r.cooperatingBoards()).containsExactly(COOPERATING_BOARD);
        assertThat(r.organisationIds()).containsExactlyInAnyOrder(POLICE, HEALTH);
        assertThat(r.createdBy()).isEqualTo(OFFICER);
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(r.scrDecision()).isEmpty();
        assertThat(r.scrFacts()).isEmpty();
        assertThat(r.activeAppointments()).isEmpty();
    }

    @Test
    void scrWithoutNotificationDate_isRefusedNamingDatesNotification() {
        assertRefused(() -> new Review(scrOpening(INCIDENT, null), OFFICER, NOW), "dates.notification");
    }

    @Test
    void childDeathReviewWithoutTheDeath_isRefusedNamingChildDeath() {
        assertRefused(() -> cdr(null, DIED, null), "childDeath");
    }

    @Test
    void childDeathReviewWithoutTheDateOfDeath_isRefusedNamingDatesDeath() {
        assertRefused(() -> cdr(unexpectedDeathAtHome(), null, null), "dates.death");
    }

    @Test
    void pseudonymThatLooksLikeAPostcode_isRefusedAtOpening() {
        Review.Opening o = scrOpening(INCIDENT, NOTIFIED);

        assertRefused(
                () -> new Review(
                        new Review.Opening(
                                o.type(),
                                o.reference(),
                                "Child M1 1AE",
                                o.boards(),
                                o.organisationIds(),
                                o.dates(),
                                null,
                                false),
                        OFFICER,
                        NOW),
                "pseudonym");
    }

    @Test
    void openingWithoutAType_isRefusedNamingType() {
        Review.Opening o = scrOpening(INCIDENT, NOTIFIED);

        assertRefused(
                () -> new Review(
                        new Review.Opening(
                                null,
                                o.reference(),
                                o.pseudonym(),
                                o.boards(),
                                o.organisationIds(),
                                o.dates(),
                                null,
                                false),
                        OFFICER,
                        NOW),
                "type");
    }

    @Test
    void organisationsNamingTheLeadBoard_areRefusedAtOpening() {
        assertRefused(() -> openManagementReview(Set.of(POLICE, LEAD_BOARD)), "organisationIds");
    }

    @Test
    void fiftyOrganisations_areAcceptedAndFiftyOneRefused() {
        assertThat(openManagementReview(orgs(50)).organisationIds()).hasSize(50);
        assertRefused(() -> openManagementReview(orgs(51)), "organisationIds");
    }

    @Test
    void missingOrganisations_areRefused() {
        assertRefused(() -> openManagementReview(null), "organisationIds");
    }

    @Test
    void managementReview_startsInProgressWithNoClocks() {
        Review r = openManagementReview(Set.of(POLICE));

        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.clocks()).isEmpty();
        assertThat(r.childDeath().recorded()).isFalse();
    }

    @Test
    void openedScr_awaitsDecisionWithDecisionRapidReviewAndNationalPanelClocks() {
        Review r = scr();

        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
        assertThat(r.clocks())
                .extracting(ReviewClock::kind)
                .containsExactlyInAnyOrder(
                        ClockKind.SCR_DECISION, ClockKind.RAPID_REVIEW, ClockKind.NATIONAL_PANEL_NOTIFICATION);
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().startedOn()).isEqualTo(NOTIFIED);
        assertThat(r.clock(ClockKind.RAPID_REVIEW).orElseThrow().startedOn()).isEqualTo(NOTIFIED);
        assertThat(r.clock(ClockKind.NATIONAL_PANEL_NOTIFICATION).orElseThrow().startedOn())
                .isEqualTo(INCIDENT);
        assertThat(r.clock(ClockKind.SCR_COMPLETION)).isEmpty();
    }

    @Test
    void openedScrClocks_fallDueOnTheStatutoryDays() {
        Review r = scr();
        ClockSpans spans = ClockSpans.defaults();

        // notified Monday 2 March 2026: one month, and 15 working days
        assertThat(r.clock(ClockKind.SCR_DECISION)
                        .orElseThrow()
                        .on(NOTIFIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(r.clock(ClockKind.RAPID_REVIEW)
                        .orElseThrow()
                        .on(NOTIFIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 3, 23));
        // incident Friday 27 February 2026: 5 working days
        assertThat(r.clock(ClockKind.NATIONAL_PANEL_NOTIFICATION)
                        .orElseThrow()
                        .on(NOTIFIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void scrWithoutKnownIncidentDate_hasNoNationalPanelClock() {
        Review r = new Review(scrOpening(null, NOTIFIED), OFFICER, NOW);

        assertThat(r.clocks())
                .extracting(ReviewClock::kind)
                .containsExactlyInAnyOrder(ClockKind.SCR_DECISION, ClockKind.RAPID_REVIEW);
    }

    @Test
    void unexpectedDeathAtHome_startsHomeVisitCoronerAndRegistrarClocks() {
        Review r = cdr(unexpectedDeathAtHome(), DIED, REGISTERED);

        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.clocks())
                .extracting(ReviewClock::kind)
                .containsExactlyInAnyOrder(
                        ClockKind.HOME_VISIT, ClockKind.CORONER_JOINT_REPORT, ClockKind.REGISTRAR_INFORMATION);
        assertThat(r.clock(ClockKind.HOME_VISIT).orElseThrow().startedOn()).isEqualTo(DIED);
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow().startedOn())
                .isEqualTo(DIED);
        assertThat(r.clock(ClockKind.REGISTRAR_INFORMATION).orElseThrow().startedOn())
                .isEqualTo(REGISTERED);
        ClockSpans spans = ClockSpans.defaults();
        assertThat(r.clock(ClockKind.HOME_VISIT)
                        .orElseThrow()
                        .on(DIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(DIED.plusDays(1));
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)
                        .orElseThrow()
                        .on(DIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(r.clock(ClockKind.REGISTRAR_INFORMATION)
                        .orElseThrow()
                        .on(DIED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void unexpectedDeathAbroad_getsCoronerClockButNoHomeVisit() {
        Review r = cdr(new ChildDeath(9, false, false, true, true, true, false), DIED, null);

        assertThat(r.clocks()).extracting(ReviewClock::kind).containsExactly(ClockKind.CORONER_JOINT_REPORT);
    }

    @Test
    void unexpectedDeathAwayFromHome_getsCoronerClockButNoHomeVisit() {
        Review r = cdr(new ChildDeath(15, false, false, true, false, false, false), DIED, null);

        assertThat(r.clocks()).extracting(ReviewClock::kind).containsExactly(ClockKind.CORONER_JOINT_REPORT);
    }

    @Test
    void expectedDeath_getsNeitherHomeVisitNorCoronerClock() {
        Review r = cdr(new ChildDeath(3, false, false, false, true, false, false), DIED, REGISTERED);

        assertThat(r.clocks()).extracting(ReviewClock::kind).containsExactly(ClockKind.REGISTRAR_INFORMATION);
    }

    @Test
    void childDeathReview_keepsTheCircumstancesOfTheDeath() {
        Review r = cdr(unexpectedDeathAtHome(), DIED, null);

        assertThat(r.childDeath().ageAtDeathYears()).isZero();
        assertThat(r.childDeath().unexpected()).isTrue();
        assertThat(r.dates().death()).contains(DIED);
    }

    // ---- the Chair's decision

    @Test
    void criteriaMetButManagementReviewChosen_isRefusedAsScrRequired() {
        Review r = scr();

        assertThatThrownBy(() -> r.recordScrDecision(
                        criteriaMet(), ScrDecisionKind.MANAGEMENT_REVIEW, "learning only", DECIDED, CHAIR, TODAY))
                .isInstanceOfSatisfying(ReviewRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("scr_required");
                    assertThat(e.getMessage()).contains("the child died");
                });
        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
        assertThat(r.type()).isEqualTo(ReviewType.SERIOUS_CASE_REVIEW);
        assertThat(r.scrDecision()).isEmpty();
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).isEmpty();
    }

    @Test
    void criteriaMetButNoReviewChosen_isRefusedAsScrRequired() {
        Review r = scr();

        assertRuleCode(
                () -> r.recordScrDecision(criteriaMet(), ScrDecisionKind.NO_REVIEW, "no", DECIDED, CHAIR, TODAY),
                "scr_required");
        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
    }

    @Test
    void unclearInterAgencyConcernWithSeriousHarm_requiresAnScr() {
        Review r = scr();
        ScrFacts unclear = new ScrFacts(true, false, true, InterAgencyConcern.UNCLEAR, false);

        assertRuleCode(
                () -> r.recordScrDecision(unclear, ScrDecisionKind.MANAGEMENT_REVIEW, "unsure", DECIDED, CHAIR, TODAY),
                "scr_required");
    }

    @Test
    void refusedDecision_canBeFollowedByCommissioning() {
        Review r = scr();
        assertRuleCode(
                () -> r.recordScrDecision(criteriaMet(), ScrDecisionKind.NO_REVIEW, "no", DECIDED, CHAIR, TODAY),
                "scr_required");

        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "criteria met", DECIDED, CHAIR, TODAY);

        assertThat(r.scrDecision()).contains(ScrDecisionKind.COMMISSION_SCR);
    }

    @Test
    void commissioningAnScr_putsItInProgressAndMeetsTheDecisionClockOnTheDay() {
        Review r = scr();

        ScrCriteria.Assessment a = r.recordScrDecision(
                criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "Child died; neglect suspected", DECIDED, CHAIR, TODAY);

        assertThat(a.met()).isTrue();
        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.type()).isEqualTo(ReviewType.SERIOUS_CASE_REVIEW);
        assertThat(r.scrDecision()).contains(ScrDecisionKind.COMMISSION_SCR);
        assertThat(r.scrDecisionReason()).contains("Child died; neglect suspected");
        assertThat(r.scrDecidedOn()).contains(DECIDED);
        assertThat(r.scrDecisionRecordedBy()).contains(CHAIR);
        assertThat(r.scrCriteriaMet()).contains(true);
        assertThat(r.scrFacts())
                .hasValueSatisfying(f -> assertThat(f.childDied()).isTrue());
        assertThat(r.dates().initiated()).contains(DECIDED);
        ReviewClock decision = r.clock(ClockKind.SCR_DECISION).orElseThrow();
        assertThat(decision.metOn()).contains(DECIDED);
        assertThat(decision.on(TODAY, ClockSpans.defaults(), ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.MET);
    }

    @Test
    void commissioningAnScr_startsDecisionReportedAndCompletionClocks() {
        Review r = scr();

        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "criteria met", DECIDED, CHAIR, TODAY);

        assertThat(r.clock(ClockKind.DECISION_REPORTED).orElseThrow().startedOn())
                .isEqualTo(DECIDED);
        assertThat(r.clock(ClockKind.SCR_COMPLETION).orElseThrow().startedOn()).isEqualTo(DECIDED);
        ClockSpans spans = ClockSpans.defaults();
        // Friday 20 March 2026 + 5 working days; + 6 months
        assertThat(r.clock(ClockKind.DECISION_REPORTED)
                        .orElseThrow()
                        .on(DECIDED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(r.clock(ClockKind.SCR_COMPLETION)
                        .orElseThrow()
                        .on(DECIDED, spans, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void commissioningWhenCriteriaAreNotMet_isTheChairsChoice() {
        Review r = scr();

        ScrCriteria.Assessment a = r.recordScrDecision(
                criteriaNotMet(), ScrDecisionKind.COMMISSION_SCR, "wider learning", DECIDED, CHAIR, TODAY);

        assertThat(a.met()).isFalse();
        assertThat(r.scrCriteriaMet()).contains(false);
        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.clock(ClockKind.SCR_COMPLETION)).isPresent();
    }

    @Test
    void managementReviewWhenCriteriaAreNotMet_becomesAManagementReview() {
        Review r = scr();

        r.recordScrDecision(
                criteriaNotMet(),
                ScrDecisionKind.MANAGEMENT_REVIEW,
                "below threshold; learning for health",
                DECIDED,
                CHAIR,
                TODAY);

        assertThat(r.type()).isEqualTo(ReviewType.MANAGEMENT_REVIEW);
        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.scrCriteriaMet()).contains(false);
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).contains(DECIDED);
        assertThat(r.clock(ClockKind.DECISION_REPORTED).orElseThrow().startedOn())
                .isEqualTo(DECIDED);
        assertThat(r.clock(ClockKind.SCR_COMPLETION)).isEmpty();
    }

    @Test
    void noReview_closesTheReviewAndNobodyCanBeAppointed() {
        Review r = scr();

        r.recordScrDecision(
                criteriaNotMet(),
                ScrDecisionKind.NO_REVIEW,
                "single-agency issue, handled by health",
                DECIDED,
                CHAIR,
                TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.CLOSED_NO_REVIEW);
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).contains(DECIDED);
        assertThat(r.clock(ClockKind.SCR_COMPLETION)).isEmpty();
        assertRuleCode(
                () -> r.appoint(AppointmentRole.CORONER, null, "account-coroner", null, null, OFFICER, NOW),
                "review_closed");
        assertThat(r.appointments()).isEmpty();
    }

    @Test
    void noReview_leavesTheOfstedAndDfeClockOwed_andOverdueAfterFiveWorkingDays() {
        Review r = scr();
        r.recordScrDecision(
                criteriaNotMet(), ScrDecisionKind.NO_REVIEW, "handled by one agency", DECIDED, CHAIR, TODAY);

        ReviewClock reported = r.clock(ClockKind.DECISION_REPORTED).orElseThrow();

        assertThat(r.status()).isEqualTo(ReviewStatus.CLOSED_NO_REVIEW);
        assertThat(reported.outstanding()).isTrue();
        assertThat(reported.on(DECIDED.plusDays(30), ClockSpans.defaults(), ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.OVERDUE);

        r.meetClock(ClockKind.DECISION_REPORTED, TODAY, TODAY);

        assertThat(reported.outstanding()).as("met after closing").isFalse();
        assertThat(r.status()).isEqualTo(ReviewStatus.CLOSED_NO_REVIEW);
    }

    @Test
    void completedScr_stopsTheClocksOfItsOwnWork_butStillOwesTellingOfstedAndDfE() {
        Review r = scr();
        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "criteria met", DECIDED, CHAIR, TODAY);

        r.meetClock(ClockKind.SCR_COMPLETION, TODAY, TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(r.clock(ClockKind.SCR_COMPLETION).orElseThrow().outstanding())
                .isFalse();
        assertThat(r.clock(ClockKind.DECISION_REPORTED).orElseThrow().outstanding())
                .isTrue();
        ReviewClock rapidReview = r.clock(ClockKind.RAPID_REVIEW).orElseThrow();
        assertThat(rapidReview.outstanding())
                .as("unmet, stopped by the completion")
                .isFalse();
        assertThat(rapidReview.stoppedOn()).contains(TODAY);
    }

    @Test
    void noReview_startsNoCompletionClock_evenWhenAnInitiationDateWasGivenAtOpening() {
        Review r = new Review(
                new Review.Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        "NM-SCR-2026-04",
                        "Child B",
                        ReviewFixtures.boards(),
                        java.util.Set.of(ReviewFixtures.POLICE),
                        new KeyDates(
                                ReviewFixtures.INCIDENT,
                                null,
                                ReviewFixtures.NOTIFIED,
                                null,
                                ReviewFixtures.NOTIFIED,
                                TODAY),
                        null,
                        false),
                OFFICER,
                NOW);

        r.recordScrDecision(
                criteriaNotMet(), ScrDecisionKind.NO_REVIEW, "handled by one agency", DECIDED, CHAIR, TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.CLOSED_NO_REVIEW);
        assertThat(r.clock(ClockKind.SCR_COMPLETION))
                .as("a closed review has no SCR to complete")
                .isEmpty();
    }

    @Test
    void decidingTwice_isRefusedAsAlreadyDecided() {
        Review r = scr();
        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "criteria met", DECIDED, CHAIR, TODAY);

        assertThatThrownBy(() -> r.recordScrDecision(
                        criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "again", DECIDED.plusDays(1), CHAIR, TODAY))
                .isInstanceOfSatisfying(ReviewRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("already_decided");
                    assertThat(e.getMessage()).contains("COMMISSION_SCR").contains(DECIDED.toString());
                });
        assertThat(r.scrDecisionReason()).contains("criteria met");
        assertThat(r.scrDecidedOn()).contains(DECIDED);
    }

    @Test
    void decisionOnAReviewThatIsNotAnScr_isRefused() {
        Review r = cdr(unexpectedDeathAtHome(), DIED, null);

        assertThatThrownBy(() ->
                        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "x", DIED, CHAIR, TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("not_an_scr"));
        assertThat(r.scrDecision()).isEmpty();
        assertThat(r.type()).isEqualTo(ReviewType.CHILD_DEATH_REVIEW);
    }

    @Test
    void decisionDatedInTheFuture_isRefusedNamingDecidedOn() {
        Review r = scr();

        assertRefused(
                () -> r.recordScrDecision(
                        criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "x", TODAY.plusDays(1), CHAIR, TODAY),
                "decidedOn");
        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
    }

    @Test
    void decisionBeforeTheNotification_isRefusedNamingDecidedOn() {
        Review r = scr();

        assertRefused(
                () -> r.recordScrDecision(
                        criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "x", NOTIFIED.minusDays(1), CHAIR, TODAY),
                "decidedOn");
        assertThat(r.scrDecision()).isEmpty();
    }

    @Test
    void decisionOnTheDayOfNotification_isAccepted() {
        Review r = scr();

        r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "x", NOTIFIED, CHAIR, TODAY);

        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).contains(NOTIFIED);
    }

    @Test
    void decisionWithoutAWrittenReason_isRefusedNamingReason() {
        Review r = scr();

        assertRefused(
                () -> r.recordScrDecision(criteriaMet(), ScrDecisionKind.COMMISSION_SCR, "  ", DECIDED, CHAIR, TODAY),
                "reason");
    }

    @Test
    void decisionWithoutFactsOrKind_isRefusedNamingTheField() {
        Review r = scr();

        assertRefused(
                () -> r.recordScrDecision(null, ScrDecisionKind.COMMISSION_SCR, "x", DECIDED, CHAIR, TODAY), "facts");
        assertRefused(() -> r.recordScrDecision(criteriaMet(), null, "x", DECIDED, CHAIR, TODAY), "decision");
        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
    }

    private static Review openManagementReview(Set<String> organisations) {
        return new Review(
                new Review.Opening(
                        ReviewType.MANAGEMENT_REVIEW,
                        "NM-MR-2026-01",
                        "Child C",
                        boards(),
                        organisations,
                        new KeyDates(null, null, null, null, null, TODAY),
                        null,
                        false),
                OFFICER,
                NOW);
    }

    private static Set<String> orgs(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i))
                .collect(Collectors.toCollection(HashSet::new));
    }

    static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    static void assertRuleCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
