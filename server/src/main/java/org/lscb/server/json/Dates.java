package org.lscb.server.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.lscb.foundation.value.InvalidValueException;

/** ISO-8601 local dates from request text, with the field named when they are wrong. */
public final class Dates {

    private Dates() {}

    public static LocalDate required(String text, String field) {
        LocalDate d = optional(text, field);
        if (d == null) {
            throw new InvalidValueException(field, "is required (YYYY-MM-DD)");
        }
        return d;
    }

    public static LocalDate optional(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                throw new InvalidValueException(field, "must be a date between 1900 and 2200");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a date as YYYY-MM-DD");
        }
    }
}
