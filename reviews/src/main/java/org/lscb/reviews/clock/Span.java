package org.lscb.reviews.clock;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How long a statutory clock runs: calendar months (31 January plus one month is the last day of
 * February), calendar days, working days in England and Wales, or hours, for a clock that runs from a time
 * rather than a day ({@link TimedClock}).
 */
public record Span(int amount, Unit unit) {

    public enum Unit {
        MONTHS,
        DAYS,
        WORKING_DAYS,
        HOURS
    }

    public Span {
        if (amount <= 0) {
            throw new IllegalArgumentException("a span must be positive");
        }
    }

    public static Span months(int n) {
        return new Span(n, Unit.MONTHS);
    }

    public static Span days(int n) {
        return new Span(n, Unit.DAYS);
    }

    public static Span workingDays(int n) {
        return new Span(n, Unit.WORKING_DAYS);
    }

    public static Span hours(int n) {
        return new Span(n, Unit.HOURS);
    }

    /**
     * The span as a length of time, for a clock that runs from a time: hours as they are, days as 24 hours each.
     *
     * @throws IllegalStateException for months and working days, whose length depends on the calendar
     */
    public Duration duration() {
        return switch (unit) {
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
            case MONTHS, WORKING_DAYS -> throw new IllegalStateException(this + " is not a fixed length of time");
        };
    }

    /**
     * The due day for a clock that starts on {@code start}.
     *
     * @throws IllegalStateException for a span in hours, which runs from a time ({@link TimedClock})
     */
    public LocalDate dueFrom(LocalDate start, WorkingDays workingDays) {
        return switch (unit) {
            case MONTHS -> start.plusMonths(amount);
            case DAYS -> start.plusDays(amount);
            case WORKING_DAYS -> workingDays.plus(start, amount);
            case HOURS -> throw new IllegalStateException("a span in hours runs from a time, not a day");
        };
    }
}
