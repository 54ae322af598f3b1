package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's error message: what is wrong with one answer and how to put it right, above the field.
 * {@code visuallyHiddenText} is read before it by screen readers: null for "Error", empty for none.
 */
public record ErrorMessage(
        TextOrHtml text, String id, String visuallyHiddenText, String classes, Map<String, String> attributes) {

    public static ErrorMessage of(String text) {
        return new ErrorMessage(TextOrHtml.text(text), null, null, null, null);
    }

    /** This message with the id that its field's {@code aria-describedby} names. */
    public ErrorMessage withId(String id) {
        return new ErrorMessage(text, id, visuallyHiddenText, classes, attributes);
    }

    /** The visually hidden prefix as rendered: "Error" unless set; empty for none. */
    public String prefix() {
        return visuallyHiddenText == null ? "Error" : visuallyHiddenText;
    }
}
