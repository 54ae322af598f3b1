package org.lscb.reviews.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Clock arithmetic of docs/domain.md "Statutory clocks": bank holidays, month ends, leap years, pauses. */
class StatutoryClockTest {

    private static final WorkingDays ENGLAND = WorkingDays.englandAndWales();

    @Test
    void bankHolidaysOfEnglandAndWales_areNotWorkingDays() {
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2025, 12, 25))).isFalse(); // Christmas Day
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2025, 12, 26))).isFalse(); // Boxing Day
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday 2026
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse(); // Easter Monday 2026
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse(); // Summer bank holiday (England)
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 12, 28)))
                .isFalse(); // Boxing Day substitute (26th is a Saturday)
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 8, 3))).isTrue(); // Scotland's summer holiday, not England's
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 3, 17))).isTrue(); // St Patrick's Day: Northern Ireland only
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 6, 13))).isFalse(); // a Saturday
    }

    @Test
    void fiveWorkingDays_skipWeekendsAndTheEasterHolidays() {
        // Thursday 2 April 2026: Good Friday 3rd and Easter Monday 6th do not count
        assertThat(ENGLAND.plus(LocalDate.of(2026, 4, 2), 5)).isEqualTo(LocalDate.of(2026, 4, 13));
    }

    @Test
    void fifteenWorkingDays_acrossChristmas() {
        // rapid review notified on Monday 21 December 2026: 25th, 28th (Boxing Day substitute) and 1 January excluded
        assertThat(Span.workingDays(15).dueFrom(LocalDate.of(2026, 12, 21), ENGLAND))
                .isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void oneMonthFromTheLastDayOfJanuary_isTheLastDayOfFebruary() {
        assertThat(Span.months(1).dueFrom(LocalDate.of(2026, 1, 31), ENGLAND)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Span.months(1).dueFrom(LocalDate.of(2028, 1, 31), ENGLAND)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Span.months(6).dueFrom(LocalDate.of(2026, 8, 31), ENGLAND)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void twentyEightDaysAcrossALeapDay() {
        assertThat(Span.days(28).dueFrom(LocalDate.of(2028, 2, 10), ENGLAND)).isEqualTo(LocalDate.of(2028, 3, 9));
    }

    @Test
    void statusMovesFromOnTrackToDueSoonToOverdue() {
        StatutoryClock decision = new StatutoryClock(LocalDate.of(2026, 3, 1), Span.months(1)); // due 1 April, 31 days

        assertThat(decision.on(LocalDate.of(2026, 3, 10), ENGLAND).status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(decision.on(LocalDate.of(2026, 3, 25), ENGLAND).status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(decision.on(LocalDate.of(2026, 3, 26), ENGLAND).status())
                .isEqualTo(ClockStatus.DUE_SOON); // 6 of 31 days left
        assertThat(decision.on(LocalDate.of(2026, 4, 1), ENGLAND).status()).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(decision.on(LocalDate.of(2026, 4, 2), ENGLAND).status()).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void metClock_staysMetWithItsDay() {
        StatutoryClock clock = new StatutoryClock(LocalDate.of(2026, 3, 1), Span.days(28));
        clock.meet(LocalDate.of(2026, 4, 10));

        StatutoryClock.Reading r = clock.on(LocalDate.of(2026, 6, 1), ENGLAND);

        assertThat(r.status()).isEqualTo(ClockStatus.MET);
        assertThat(r.met()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @Test
    void pauseForCourtProceedings_stopsTheClockAndMovesTheDueDayOn() {
        StatutoryClock completion = new StatutoryClock(LocalDate.of(2026, 1, 15), Span.months(6)); // due 15 July
        completion.pause(LocalDate.of(2026, 3, 1), "criminal trial of a family member");

        StatutoryClock.Reading paused = completion.on(LocalDate.of(2026, 9, 1), ENGLAND);
        assertThat(paused.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(paused.pausedFor()).isEqualTo("criminal trial of a family member");

        completion.resume(LocalDate.of(2026, 4, 1)); // 31 days paused
        assertThat(completion.due(ENGLAND)).isEqualTo(LocalDate.of(2026, 8, 15));
        // 1 July: 45 days left of a 181-day span, where without the pause 14 would be left (due soon)
        assertThat(completion.on(LocalDate.of(2026, 7, 1), ENGLAND).status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(completion.on(LocalDate.of(2026, 8, 16), ENGLAND).status()).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void pauseNeedsAReasonAndCannotBeDoubled() {
        StatutoryClock clock = new StatutoryClock(LocalDate.of(2026, 1, 15), Span.months(6));

        assertThatThrownBy(() -> clock.pause(LocalDate.of(2026, 2, 1), " ")).hasMessageContaining("reason");
        clock.pause(LocalDate.of(2026, 2, 1), "court");
        assertThatThrownBy(() -> clock.pause(LocalDate.of(2026, 2, 2), "again")).hasMessageContaining("already paused");
        assertThatThrownBy(() -> clock.resume(LocalDate.of(2026, 1, 1))).hasMessageContaining("before it starts");
    }
}
