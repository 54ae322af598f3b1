package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.reviews.ReviewFixtures.NOTIFIED;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.TODAY;
import static org.lscb.reviews.ReviewFixtures.cdr;
import static org.lscb.reviews.ReviewFixtures.commissionedScr;
import static org.lscb.reviews.ReviewFixtures.scr;
import static org.lscb.reviews.ReviewFixtures.unexpectedDeathAtHome;
import static org.lscb.reviews.ReviewTest.assertRefused;
import static org.lscb.reviews.ReviewTest.assertRuleCode;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.StatutoryClock;
import org.lscb.reviews.clock.WorkingDays;

/** Moving a review's statutory clocks: pauses with a reason, resumption, meeting a duty. */
class ReviewClockTest {

    private static final WorkingDays ENGLAND = WorkingDays.englandAndWales();
    private static final ClockSpans DEFAULTS = ClockSpans.defaults();
    /** Friday 20 March 2026: SCR_COMPLETION runs from here and is due 20 September 2026. */
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 20);

    private static final LocalDate PAUSED = LocalDate.of(2026, 4, 1);
    private static final LocalDate RESUMED = LocalDate.of(2026, 5, 1);
    private static final String COURT = "criminal trial of a parent";

    @Test
    void pausingAClockThatCannotWait_isRefusedNamingClock() {
        Review r = scr();

        assertRefused(() -> r.pauseClock(ClockKind.RAPID_REVIEW, NOTIFIED.plusDays(3), COURT, TODAY), "clock");
        assertThat(r.clock(ClockKind.RAPID_REVIEW).orElseThrow().pauses()).isEmpty();
    }

    @Test
    void pausedResumedAndPausedAgainOnOneDay_readsPausedWithTheLatestReason() {
        Review r = commissionedScr(DECIDED);

        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, "first", TODAY);
        r.resumeClock(ClockKind.SCR_COMPLETION, PAUSED, TODAY);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);

        StatutoryClock.Reading reading =
                completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(reading.pausedFor()).isEqualTo(COURT);
    }

    @Test
    void pausedCompletionClock_readsPausedWithItsReason() {
        Review r = commissionedScr(DECIDED);

        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);

        StatutoryClock.Reading reading =
                completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(reading.pausedFor()).isEqualTo(COURT);
        assertThat(completion(r).pauses()).singleElement().satisfies(p -> {
            assertThat(p.pausedOn()).isEqualTo(PAUSED);
            assertThat(p.resumedOn()).isEmpty();
            assertThat(p.reason()).isEqualTo(COURT);
        });
    }

    @Test
    void resumingTheCompletionClock_movesTheDueDayOnByThePause() {
        Review r = commissionedScr(DECIDED);
        assertThat(completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow().due())
                .isEqualTo(LocalDate.of(2026, 9, 20));

        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);
        r.resumeClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY); // 30 days

        StatutoryClock.Reading reading =
                completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(reading.due()).isEqualTo(LocalDate.of(2026, 10, 20));
    }

    @Test
    void secondPause_movesTheDueDayOnAgain() {
        Review r = commissionedScr(DECIDED);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);
        r.resumeClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY);

        r.pauseClock(ClockKind.SCR_COMPLETION, LocalDate.of(2026, 6, 1), "retrial", TODAY);
        r.resumeClock(ClockKind.SCR_COMPLETION, LocalDate.of(2026, 6, 11), TODAY);

        assertThat(completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow().due())
                .isEqualTo(LocalDate.of(2026, 10, 30));
    }

    @Test
    void pauseWithoutAReason_isRefusedNamingReason() {
        Review r = commissionedScr(DECIDED);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, "  ", TODAY), "reason");
        assertThat(completion(r).pauses()).isEmpty();
    }

    @Test
    void pauseDatedInTheFuture_isRefusedNamingOn() {
        Review r = commissionedScr(DECIDED);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, TODAY.plusDays(1), COURT, TODAY), "on");
    }

    @Test
    void pauseBeforeTheClockStarted_isRefusedNamingOn() {
        Review r = commissionedScr(DECIDED);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, DECIDED.minusDays(1), COURT, TODAY), "on");
    }

    @Test
    void pauseStartingInsideTheLastPause_isRefusedNamingOn() {
        Review r = commissionedScr(DECIDED);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);
        r.resumeClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, RESUMED.minusDays(1), "overlap", TODAY), "on");
    }

    @Test
    void pausingAPausedClock_isRefusedNamingClock() {
        Review r = commissionedScr(DECIDED);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, RESUMED, "again", TODAY), "clock");
    }

    @Test
    void resumingARunningClock_isRefusedNamingClock() {
        Review r = commissionedScr(DECIDED);

        assertRefused(() -> r.resumeClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY), "clock");
    }

    @Test
    void resumingBeforeThePause_isRefusedNamingOn() {
        Review r = commissionedScr(DECIDED);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);

        assertRefused(() -> r.resumeClock(ClockKind.SCR_COMPLETION, PAUSED.minusDays(1), TODAY), "on");
        assertThat(completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow().status())
                .isEqualTo(ClockStatus.PAUSED);
    }

    @Test
    void coronerJointReport_mayWaitForCrucialInformation() {
        LocalDate died = LocalDate.of(2026, 5, 4);
        Review r = cdr(unexpectedDeathAtHome(), died, null);

        r.pauseClock(ClockKind.CORONER_JOINT_REPORT, died.plusDays(10), "post-mortem results not yet available", TODAY);

        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)
                        .orElseThrow()
                        .on(TODAY, DEFAULTS, ENGLAND)
                        .orElseThrow()
                        .pausedFor())
                .isEqualTo("post-mortem results not yet available");
        assertRefused(() -> r.pauseClock(ClockKind.HOME_VISIT, died, "no", TODAY), "clock");
    }

    @Test
    void meetingTheCompletionClock_completesTheReview() {
        Review r = commissionedScr(DECIDED);
        LocalDate done = LocalDate.of(2026, 6, 10);

        r.meetClock(ClockKind.SCR_COMPLETION, done, TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.COMPLETED);
        StatutoryClock.Reading reading =
                completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.MET);
        assertThat(reading.met()).isEqualTo(done);
        assertRuleCode(
                () -> r.appoint(AppointmentRole.CORONER, null, "account-coroner", null, null, OFFICER, NOW),
                "review_closed");
    }

    @Test
    void meetingAnotherClock_leavesTheReviewInProgress() {
        Review r = commissionedScr(DECIDED);

        r.meetClock(ClockKind.DECISION_REPORTED, DECIDED.plusDays(2), TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(r.clock(ClockKind.DECISION_REPORTED).orElseThrow().metOn()).contains(DECIDED.plusDays(2));
    }

    @Test
    void meetingAPausedClock_endsThePauseOnThatDay() {
        Review r = commissionedScr(DECIDED);
        r.pauseClock(ClockKind.SCR_COMPLETION, PAUSED, COURT, TODAY);

        r.meetClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY);

        assertThat(completion(r).pauses())
                .singleElement()
                .satisfies(p -> assertThat(p.resumedOn()).contains(RESUMED));
        assertThat(completion(r).on(TODAY, DEFAULTS, ENGLAND).orElseThrow().status())
                .isEqualTo(ClockStatus.MET);
    }

    @Test
    void meetingTheDecisionClockByHand_isRefusedNamingClock() {
        Review r = scr();

        assertRefused(() -> r.meetClock(ClockKind.SCR_DECISION, NOTIFIED.plusDays(5), TODAY), "clock");
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).isEmpty();
        assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
    }

    @Test
    void meetingAClockTwice_isRefusedNamingClock() {
        Review r = scr();
        r.meetClock(ClockKind.RAPID_REVIEW, NOTIFIED.plusDays(10), TODAY);

        assertRefused(() -> r.meetClock(ClockKind.RAPID_REVIEW, NOTIFIED.plusDays(12), TODAY), "clock");
        assertThat(r.clock(ClockKind.RAPID_REVIEW).orElseThrow().metOn()).contains(NOTIFIED.plusDays(10));
    }

    @Test
    void pausingAMetClock_isRefusedNamingClock() {
        Review r = commissionedScr(DECIDED);
        r.meetClock(ClockKind.SCR_COMPLETION, RESUMED, TODAY);

        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, TODAY, COURT, TODAY), "clock");
    }

    @Test
    void clockThatDoesNotRunOnTheReview_isRefusedNamingClock() {
        Review r = scr();

        assertRefused(() -> r.meetClock(ClockKind.HOME_VISIT, NOTIFIED, TODAY), "clock");
        assertRefused(() -> r.pauseClock(ClockKind.SCR_COMPLETION, NOTIFIED, COURT, TODAY), "clock");
    }

    @Test
    void meetingInTheFuture_isRefusedNamingOn() {
        Review r = scr();

        assertRefused(() -> r.meetClock(ClockKind.RAPID_REVIEW, TODAY.plusDays(1), TODAY), "on");
    }

    @Test
    void meetingBeforeTheClockStarted_isRefusedNamingOn() {
        Review r = scr();

        assertRefused(() -> r.meetClock(ClockKind.RAPID_REVIEW, NOTIFIED.minusDays(1), TODAY), "on");
        assertThat(r.clock(ClockKind.RAPID_REVIEW).orElseThrow().metOn()).isEmpty();
    }

    @Test
    void clockSwitchedOffByConfiguration_hasNoReading() {
        Review r = scr();
        ClockSpans noRapidReview =
                ClockSpans.from(k -> k == ClockKind.RAPID_REVIEW ? Optional.of("off") : Optional.empty());

        assertThat(r.clock(ClockKind.RAPID_REVIEW).orElseThrow().on(TODAY, noRapidReview, ENGLAND))
                .isEmpty();
        assertThat(r.clock(ClockKind.SCR_DECISION).orElseThrow().on(TODAY, noRapidReview, ENGLAND))
                .isPresent();
    }

    @Test
    void configuredSpan_appliesToAClockAlreadyStarted() {
        Review r = scr();
        ClockSpans twoMonths =
                ClockSpans.from(k -> k == ClockKind.SCR_DECISION ? Optional.of("2 months") : Optional.empty());

        assertThat(r.clock(ClockKind.SCR_DECISION)
                        .orElseThrow()
                        .on(NOTIFIED, twoMonths, ENGLAND)
                        .orElseThrow()
                        .due())
                .isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @Test
    void decisionClockLeftUndecided_isOverdueAfterAMonth() {
        Review r = scr();
        ReviewClock decision = r.clock(ClockKind.SCR_DECISION).orElseThrow();

        assertThat(decision.on(LocalDate.of(2026, 3, 10), DEFAULTS, ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.ON_TRACK);
        assertThat(decision.on(LocalDate.of(2026, 4, 2), DEFAULTS, ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.DUE_SOON);
        assertThat(decision.on(LocalDate.of(2026, 4, 3), DEFAULTS, ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.OVERDUE);
    }

    private static ReviewClock completion(Review r) {
        return r.clock(ClockKind.SCR_COMPLETION).orElseThrow();
    }
}
