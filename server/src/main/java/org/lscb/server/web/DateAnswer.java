package org.lscb.server.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorMessage;
import org.lscb.server.web.component.Fieldset;

/**
 * A date typed into GOV.UK's date input as day, month and year, kept as typed (without surrounding spaces) so
 * that a form shown again with an error shows what the person entered. Reading it is the form's job, as
 * {@code org.lscb.server.json.Dates} is the API's: a day and month of one or two digits and a year of four
 * that make a real calendar date. Whether the date is allowed (not in the future, after another) the domain
 * decides. Problems are worded as GOV.UK's date input pattern words them ("Enter ...", "... must be a real
 * date").
 */
public record DateAnswer(String day, String month, String year) {

    public DateAnswer {
        day = strip(day);
        month = strip(month);
        year = strip(year);
    }

    /** The date as the form shows it, such as 6 1 2026; nothing typed for null. */
    public static DateAnswer of(LocalDate date) {
        return date == null
                ? empty()
                : new DateAnswer(
                        Integer.toString(date.getDayOfMonth()),
                        Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()));
    }

    public static DateAnswer empty() {
        return new DateAnswer("", "", "");
    }

    /** Whether nothing was typed in any of the three fields. */
    public boolean blank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The date, or empty when the fields do not make a whole, real one (blank included). */
    public Optional<LocalDate> date() {
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with a date the person must give, described as {@code what} ("the date the pause
     * starts"): "Enter the date the pause starts" or "The date the pause starts must be a real date"; null if
     * nothing.
     */
    public String problem(String what) {
        return blank() ? "Enter " + what : problemIfGiven(what);
    }

    /** What is wrong with an optional date: nothing when it is blank, else as {@link #problem(String)}. */
    public String problemIfGiven(String what) {
        return blank() || date().isPresent() ? null : capitalised(what) + " must be a real date";
    }

    /** GOV.UK's date input showing this answer, its fields named {@code namePrefix-day} and so on. */
    public DateInput input(String namePrefix, Fieldset.Legend legend, ErrorMessage error) {
        return DateInput.of(namePrefix, legend, day, month, year, error);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
