package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's hint: help under a question's label or legend, such as the format a date is in. */
public record Hint(TextOrHtml text, String id, String classes, Map<String, String> attributes) {

    public static Hint of(String text) {
        return new Hint(TextOrHtml.text(text), null, null, null);
    }

    /** This hint with the id that its question's {@code aria-describedby} names. */
    public Hint withId(String id) {
        return new Hint(text, id, classes, attributes);
    }

    /** This hint with {@code prefix} (such as {@code govuk-radios__hint}) before its own classes. */
    public Hint withClassPrefix(String prefix) {
        return new Hint(text, id, Attributes.classes(prefix, classes), attributes);
    }
}
