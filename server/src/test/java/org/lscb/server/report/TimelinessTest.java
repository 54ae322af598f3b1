package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.StatutoryClock.Reading;

/** A clock as it stood on the day a report is read on [11]. */
class TimelinessTest {

    private static final LocalDate AS_AT = of(2026, 3, 31);

    @Test
    void metByItsDueDay_isOnTime_andAfter_isLate_11() {
        assertThat(Timeliness.of(new Reading(ClockStatus.MET, of(2026, 3, 1), of(2026, 3, 1), null), AS_AT))
                .isEqualTo(Timeliness.MET_ON_TIME);
        assertThat(Timeliness.of(new Reading(ClockStatus.MET, of(2026, 3, 1), of(2026, 3, 2), null), AS_AT))
                .isEqualTo(Timeliness.MET_LATE);
    }

    @Test
    void visitDecisionMetAnHourAfterItWasDue_onTheSameDay_isLate_32() {
        java.time.Instant due = java.time.Instant.parse("2026-03-01T10:00:00Z");
        Reading late = new Reading(ClockStatus.MET, of(2026, 3, 1), of(2026, 3, 1), null, due, due.plusSeconds(3600));
        Reading onTime =
                new Reading(ClockStatus.MET, of(2026, 3, 1), of(2026, 3, 1), null, due, due.minusSeconds(3600));

        assertThat(Timeliness.of(late, AS_AT)).isEqualTo(Timeliness.MET_LATE);
        assertThat(Timeliness.of(onTime, AS_AT)).isEqualTo(Timeliness.MET_ON_TIME);
    }

    @Test
    void metAfterTheDay_countsAsItStoodOnTheDay_11() {
        assertThat(Timeliness.of(new Reading(ClockStatus.MET, of(2026, 3, 30), of(2026, 4, 2), null), AS_AT))
                .isEqualTo(Timeliness.OVERDUE);
        assertThat(Timeliness.of(new Reading(ClockStatus.MET, of(2026, 4, 1), of(2026, 4, 1), null), AS_AT))
                .isEqualTo(Timeliness.RUNNING);
    }

    @Test
    void pausedDueSoonAndOnTrack_areRunning_andOverdue_isOverdue_37() {
        assertThat(Timeliness.of(new Reading(ClockStatus.PAUSED, null, null, "Court proceedings"), AS_AT))
                .isEqualTo(Timeliness.RUNNING);
        assertThat(Timeliness.of(new Reading(ClockStatus.DUE_SOON, of(2026, 4, 2), null, null), AS_AT))
                .isEqualTo(Timeliness.RUNNING);
        assertThat(Timeliness.of(new Reading(ClockStatus.ON_TRACK, of(2026, 5, 2), null, null), AS_AT))
                .isEqualTo(Timeliness.RUNNING);
        assertThat(Timeliness.of(new Reading(ClockStatus.OVERDUE, of(2026, 3, 2), null, null), AS_AT))
                .isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void aYearStillRunning_isReadToday_andOneEnded_onItsLastDay_28() {
        org.lscb.reviews.ReportingYear y = new org.lscb.reviews.ReportingYear(2026);
        assertThat(ReportContext.asAt(y, of(2026, 1, 10))).isEqualTo(of(2026, 1, 10));
        assertThat(ReportContext.asAt(y, of(2026, 4, 1))).isEqualTo(of(2026, 3, 31));
    }
}
