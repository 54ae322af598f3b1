package org.lscb.server.web.profile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as a person types it in GOV.UK's date input (day, month and year in three fields), kept as typed so
 * that a form shown again with an error shows what they entered. Turning the three fields into a date is the
 * form's reading of its own fields, as {@code org.lscb.server.json.Dates} is the API's; whether the date is
 * allowed (not in the future, after another) the domain decides.
 */
public record DateField(String day, String month, String year) {

    public static DateField of(String day, String month, String year) {
        return new DateField(strip(day), strip(month), strip(year));
    }

    public static DateField of(LocalDate date) {
        return date == null
                ? empty()
                : new DateField(
                        Integer.toString(date.getDayOfMonth()),
                        Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()));
    }

    public static DateField empty() {
        return new DateField("", "", "");
    }

    public boolean isBlank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The date, or empty when the fields do not make a real one (blank included). */
    public Optional<LocalDate> date() {
        try {
            int y = Integer.parseInt(year);
            if (year.length() != 4) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
