package org.lscb.server.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.lscb.foundation.value.InvalidValueException;

/** ISO-8601 local dates and times with their offset from request text, with the field named when they are wrong. */
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

    /**
     * An ISO-8601 time with its offset ({@code 2026-01-31T09:00:00Z}, {@code 2026-07-01T03:10:00+01:00}), or null when
     * not given.
     */
    public static Instant optionalInstant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text.strip());
            if (t.getYear() < 1900 || t.getYear() > 2200) {
                throw new InvalidValueException(field, "must be a time between 1900 and 2200");
            }
            return t.toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a date and time with its offset, as 2026-01-31T09:00:00Z");
        }
    }

    public static Instant requiredInstant(String text, String field) {
        Instant i = optionalInstant(text, field);
        if (i == null) {
            throw new InvalidValueException(field, "is required, as 2026-01-31T09:00:00Z");
        }
        return i;
    }
}
