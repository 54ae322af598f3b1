package org.lscb.server.web.review;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date typed into GOV.UK's date input, as day, month and year: shown back as typed, and read as a date or
 * a message in GOV.UK's words ("Enter the date the pause starts", "... must be a real date").
 */
record DateAnswer(String day, String month, String year) {

    DateAnswer {
        day = trim(day);
        month = trim(month);
        year = trim(year);
    }

    static DateAnswer of(LocalDate d) {
        return new DateAnswer(
                String.valueOf(d.getDayOfMonth()), String.valueOf(d.getMonthValue()), String.valueOf(d.getYear()));
    }

    boolean blank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The date, or null when it is not a whole, real date. */
    LocalDate date() {
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What is wrong with the answer, for a date described as {@code what} ("the date the pause starts"); null if nothing. */
    String problem(String what) {
        if (blank()) {
            return "Enter " + what;
        }
        if (date() == null) {
            return capitalised(what) + " must be a real date";
        }
        return null;
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
