package org.lscb.reviews;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * A year of returns and annual reports: 1 April to 31 March, named by the year it ends in, as the DfE's
 * child death review statistics and boards' annual reports count them [20, 28]. {@code 2026} is 1 April 2025
 * to 31 March 2026.
 */
public record ReportingYear(int endsIn) {

    /** The years a return or report may be asked for; outside them a request is bad input, not an empty year. */
    public static final int EARLIEST = 2000;

    public static final int LATEST = 2100;

    public ReportingYear {
        if (endsIn < EARLIEST || endsIn > LATEST) {
            throw new IllegalArgumentException("a reporting year is from " + EARLIEST + " to " + LATEST);
        }
    }

    /** The year named by {@code text} (four digits), or empty when it is not one. */
    public static Optional<ReportingYear> parse(String text) {
        if (text == null || !text.matches("[0-9]{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(text);
        return year < EARLIEST || year > LATEST ? Optional.empty() : Optional.of(new ReportingYear(year));
    }

    /** The reporting year a day falls in. */
    public static ReportingYear containing(LocalDate day) {
        return new ReportingYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() + 1 : day.getYear());
    }

    /** 1 April of the year before, the first day. */
    public LocalDate firstDay() {
        return LocalDate.of(endsIn - 1, Month.APRIL, 1);
    }

    /** 31 March, the last day. */
    public LocalDate lastDay() {
        return LocalDate.of(endsIn, Month.MARCH, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public ReportingYear previous() {
        return new ReportingYear(endsIn - 1);
    }

    /** "2025 to 2026", as the DfE titles its statistics. */
    public String label() {
        return (endsIn - 1) + " to " + endsIn;
    }
}
