package org.lscb.reviews.clock;

import java.time.LocalDate;

/**
 * How long a statutory clock runs: calendar months (31 January plus one month is the last day of
 * February), calendar days, or working days in England and Wales.
 */
public record Span(int amount, Unit unit) {

    public enum Unit {
        MONTHS,
        DAYS,
        WORKING_DAYS
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

    /** The due day for a clock that starts on {@code start}. */
    public LocalDate dueFrom(LocalDate start, WorkingDays workingDays) {
        return switch (unit) {
            case MONTHS -> start.plusMonths(amount);
            case DAYS -> start.plusDays(amount);
            case WORKING_DAYS -> workingDays.plus(start, amount);
        };
    }
}
