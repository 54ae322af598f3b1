package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.TODAY;
import static org.lscb.reviews.ReviewFixtures.cdr;
import static org.lscb.reviews.ReviewFixtures.scr;
import static org.lscb.reviews.ReviewFixtures.unexpectedDeathAtHome;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.TimedClock;
import org.lscb.reviews.clock.WorkingDays;

/** The rapid response on a review: the visit decision [32], the post-mortem and the coroner's joint report [36-39]. */
class RapidResponseTest {

    private static final WorkingDays ENGLAND = WorkingDays.englandAndWales();
    private static final ClockSpans SPANS = ClockSpans.defaults();
    /** 23:10 on Friday 12 June 2026 in England (British Summer Time). */
    private static final Instant DIED_AT = Instant.parse("2026-06-12T22:10:00Z");

    private static final LocalDate DIED_ON = LocalDate.of(2026, 6, 12);

    private static Review notifiedDeathAtHome() {
        return cdr(unexpectedDeathAtHome().at(DIED_AT), DIED_ON, null);
    }

    private static ReviewClock visitClock(Review r) {
        return r.clock(ClockKind.HOME_VISIT).orElseThrow();
    }

    // ---- [32] the visit decision within 24 hours, counted in hours from the time of death

    @Test
    void visitClock_isDue24HoursAfterTheTimeOfDeath_notAtTheEndOfADay_32() {
        Review r = notifiedDeathAtHome();

        var reading = visitClock(r)
                .on(DIED_AT.plus(Duration.ofHours(1)), SPANS, ENGLAND)
                .orElseThrow();

        assertThat(visitClock(r).startedAt()).contains(DIED_AT);
        assertThat(reading.dueAt()).isEqualTo(Instant.parse("2026-06-13T22:10:00Z"));
        assertThat(reading.due()).isEqualTo(LocalDate.of(2026, 6, 13));
        assertThat(reading.status()).isEqualTo(ClockStatus.ON_TRACK);
    }

    @Test
    void visitClock_isOverdueAMinuteAfter24Hours_onTheSameDayItWasDue_32() {
        Review r = notifiedDeathAtHome();

        var justBefore = visitClock(r)
                .on(DIED_AT.plus(Duration.ofHours(24)), SPANS, ENGLAND)
                .orElseThrow();
        var justAfter = visitClock(r)
                .on(DIED_AT.plus(Duration.ofHours(24)).plusSeconds(60), SPANS, ENGLAND)
                .orElseThrow();

        assertThat(justBefore.status()).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(justAfter.status()).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void visitClock_isDueSoonInItsLastFifth_thatIsFromHour19_32() {
        Review r = notifiedDeathAtHome();

        assertThat(visitClock(r)
                        .on(DIED_AT.plus(Duration.ofHours(19)), SPANS, ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.ON_TRACK);
        assertThat(visitClock(r)
                        .on(DIED_AT.plus(Duration.ofMinutes(19 * 60 + 12)), SPANS, ENGLAND)
                        .orElseThrow()
                        .status())
                .isEqualTo(ClockStatus.DUE_SOON);
    }

    @Test
    void deathWhoseTimeIsNotKnown_visitClockRunsFromTheStartOfTheDayInEngland_32() {
        Review r = cdr(unexpectedDeathAtHome(), DIED_ON, null);

        Instant midnight = Instant.parse("2026-06-11T23:00:00Z"); // 00:00 BST on 12 June
        assertThat(visitClock(r).startedAt()).contains(midnight);
        assertThat(visitClock(r).on(TODAY, SPANS, ENGLAND).orElseThrow().dueAt())
                .isEqualTo(midnight.plus(Duration.ofHours(24)));
    }

    @Test
    void otherClocks_stillRunInDays() {
        Review r = notifiedDeathAtHome();

        var joint = r.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow();
        assertThat(joint.startedAt()).isEmpty();
        assertThat(joint.on(DIED_AT, SPANS, ENGLAND).orElseThrow().due()).isEqualTo(DIED_ON.plusDays(28));
        assertThat(joint.on(DIED_AT, SPANS, ENGLAND).orElseThrow().dueAt()).isNull();
    }

    @Test
    void visited_meetsTheClockAtTheTimeOfTheVisit_32() {
        Review r = notifiedDeathAtHome();
        Instant visited = DIED_AT.plus(Duration.ofHours(30));

        r.recordVisitDecision(VisitDecision.VISITED, visited, null, "police-1", visited.plusSeconds(3600));

        var reading =
                visitClock(r).on(visited.plusSeconds(7200), SPANS, ENGLAND).orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.MET);
        assertThat(reading.metAt()).isEqualTo(visited);
        assertThat(reading.metAt()).isAfter(reading.dueAt());
        assertThat(r.rapidResponse().visitDecision()).contains(VisitDecision.VISITED);
        assertThat(r.rapidResponse().visitRecordedBy()).contains("police-1");
    }

    @Test
    void decidingNotToVisit_needsAReason_32() {
        Review r = notifiedDeathAtHome();
        Instant decided = DIED_AT.plus(Duration.ofHours(2));

        assertThatThrownBy(() -> r.recordVisitDecision(VisitDecision.NOT_VISITING, decided, " ", OFFICER, decided))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("reason");
        assertThat(r.rapidResponse().visitDecision()).isEmpty();

        r.recordVisitDecision(VisitDecision.NOT_VISITING, decided, "Scene examined by police", OFFICER, decided);
        assertThat(r.rapidResponse().visitReason()).contains("Scene examined by police");
        assertThat(visitClock(r).metAt()).contains(decided);
    }

    @Test
    void visitTimes_inTheFutureOrBeforeTheDeath_areRefused_andAReasonIsOnlyForNotVisiting_32() {
        Review r = notifiedDeathAtHome();
        Instant now = DIED_AT.plus(Duration.ofHours(3));

        assertField(
                () -> r.recordVisitDecision(VisitDecision.VISITED, now.plusSeconds(1), null, OFFICER, now),
                "visitedAt");
        assertField(
                () -> r.recordVisitDecision(VisitDecision.VISITED, DIED_AT.minusSeconds(1), null, OFFICER, now),
                "visitedAt");
        assertField(() -> r.recordVisitDecision(VisitDecision.VISITED, now, "why", OFFICER, now), "reason");
        assertField(() -> r.recordVisitDecision(null, now, null, OFFICER, now), "decision");
        assertThat(visitClock(r).outstanding()).isTrue();
    }

    @Test
    void visitDecision_isRecordedOnce_andOnlyWhereAVisitIsDecided_32() {
        Review r = notifiedDeathAtHome();
        Instant at = DIED_AT.plus(Duration.ofHours(2));
        r.recordVisitDecision(VisitDecision.VISITED, at, null, OFFICER, at);

        assertRule(
                () -> r.recordVisitDecision(VisitDecision.VISITED, at, null, OFFICER, at), "visit_decision_recorded");
        Review hospital = cdr(new ChildDeath(3, false, false, true, false, false, false), DIED_ON, null);
        assertRule(
                () -> hospital.recordVisitDecision(VisitDecision.VISITED, at, null, OFFICER, at), "no_visit_decision");
    }

    @Test
    void visitClock_isNotMetThroughTheGeneralClockMove_32() {
        Review r = notifiedDeathAtHome();

        assertField(() -> r.meetClock(ClockKind.HOME_VISIT, TODAY, TODAY), "clock");
    }

    // ---- [36-39] the post-mortem

    @Test
    void postMortemSuggestingAbuse_promptsAnScrReferral_38() {
        Review r = notifiedDeathAtHome();

        r.recordPostMortem(TODAY, true, true, null, "paed-1", NOW, TODAY);

        assertThat(r.rapidResponse().scrReferralPrompted()).isTrue();
        assertThat(r.rapidResponse().postMortemRecordedBy()).contains("paed-1");
    }

    @Test
    void postMortemNotSuggestingAbuse_promptsNothing_38() {
        Review r = notifiedDeathAtHome();

        r.recordPostMortem(TODAY, true, false, null, OFFICER, NOW, TODAY);

        assertThat(r.rapidResponse().scrReferralPrompted()).isFalse();
    }

    @Test
    void finalReport_startsTheCaseDiscussionAsAnAwaitedStep_untilItsDayIsRecorded_39() {
        Review r = notifiedDeathAtHome();
        assertThat(r.rapidResponse().caseDiscussionAwaited()).isFalse();

        r.recordPostMortem(TODAY.minusDays(1), true, false, null, OFFICER, NOW, TODAY);
        assertThat(r.rapidResponse().caseDiscussionAwaited()).isTrue();

        r.recordPostMortem(TODAY.minusDays(1), true, false, TODAY, OFFICER, NOW, TODAY);
        assertThat(r.rapidResponse().caseDiscussionAwaited()).isFalse();
        assertThat(r.rapidResponse().caseDiscussionOn()).contains(TODAY);
    }

    @Test
    void noInquest_liftsTheUnmetJointReportClock_andAnInquestLaterStartsItAgainFromTheDeath_37() {
        Review r = notifiedDeathAtHome();
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isPresent();

        assertThat(r.recordPostMortem(TODAY, false, false, null, OFFICER, NOW, TODAY))
                .containsExactly(ClockKind.CORONER_JOINT_REPORT);
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isEmpty();
        assertThat(r.clock(ClockKind.HOME_VISIT)).isPresent();

        r.recordPostMortem(TODAY, true, false, null, OFFICER, NOW, TODAY);
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow().startedOn())
                .isEqualTo(DIED_ON);
    }

    @Test
    void inquestOnADeathFirstThoughtExpected_startsTheJointReportClock_37() {
        Review r = cdr(new ChildDeath(4, false, false, false, false, false, false), DIED_ON, null);
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isEmpty();

        r.recordPostMortem(TODAY, true, false, null, OFFICER, NOW, TODAY);

        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow().startedOn())
                .isEqualTo(DIED_ON);
    }

    @Test
    void jointReportAlreadyDelivered_staysMet_whenNoInquestIsRecordedAfter_37() {
        Review r = notifiedDeathAtHome();
        r.jointReportReceived(NOW);

        assertThat(r.recordPostMortem(TODAY, false, false, null, OFFICER, NOW, TODAY))
                .isEmpty();
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow().metOn())
                .contains(TODAY);
    }

    @Test
    void coronersReceipt_meetsAPausedJointReportClock_onItsDay_37() {
        Review r = notifiedDeathAtHome();
        r.pauseClock(ClockKind.CORONER_JOINT_REPORT, DIED_ON.plusDays(1), "final post-mortem awaited", TODAY);

        assertThat(r.jointReportReceived(NOW)).isTrue();

        var reading = r.clock(ClockKind.CORONER_JOINT_REPORT)
                .orElseThrow()
                .on(NOW, SPANS, ENGLAND)
                .orElseThrow();
        assertThat(reading.status()).isEqualTo(ClockStatus.MET);
        assertThat(reading.met()).isEqualTo(LocalDate.ofInstant(NOW, TimedClock.ENGLAND));
        assertThat(r.jointReportReceived(NOW)).as("met once").isFalse();
    }

    @Test
    void postMortemDays_inTheFutureOrOutOfOrder_andMissingAnswers_areRefused_36_39() {
        Review r = notifiedDeathAtHome();

        assertField(
                () -> r.recordPostMortem(TODAY.plusDays(1), true, false, null, OFFICER, NOW, TODAY), "finalReportOn");
        assertField(
                () -> r.recordPostMortem(DIED_ON.minusDays(1), true, false, null, OFFICER, NOW, TODAY),
                "finalReportOn");
        assertField(() -> r.recordPostMortem(null, true, false, null, OFFICER, NOW, TODAY), "finalReportOn");
        assertField(() -> r.recordPostMortem(TODAY, null, false, null, OFFICER, NOW, TODAY), "inquestOpened");
        assertField(() -> r.recordPostMortem(TODAY, true, null, null, OFFICER, NOW, TODAY), "suggestsAbuseOrNeglect");
        assertField(
                () -> r.recordPostMortem(TODAY.minusDays(1), true, false, TODAY.minusDays(2), OFFICER, NOW, TODAY),
                "caseDiscussionOn");
        assertField(
                () -> r.recordPostMortem(TODAY.minusDays(1), true, false, TODAY.plusDays(1), OFFICER, NOW, TODAY),
                "caseDiscussionOn");
        assertThat(r.rapidResponse().finalReportOn()).isEmpty();
        assertRule(() -> scr().recordPostMortem(TODAY, true, false, null, OFFICER, NOW, TODAY), "not_a_child_death");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo(field);
    }

    private static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(ReviewRuleException.class)
                .extracting(e -> ((ReviewRuleException) e).code())
                .isEqualTo(code);
    }
}
