package org.lscb.server.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a report's notes write them: "31 March 2026". */
final class ReportDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReportDates() {}

    static String day(LocalDate d) {
        return DATE.format(d);
    }
}
