package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's label for a form field; {@code isPageHeading} wraps it in the page's {@code h1} when the
 * page asks one question. {@code forId} is the field's id (the option GOV.UK calls {@code for}).
 */
public record Label(
        TextOrHtml text, String forId, boolean isPageHeading, String classes, Map<String, String> attributes) {

    public static Label of(String text) {
        return new Label(TextOrHtml.text(text), null, false, null, null);
    }

    /** The label as the page's large heading, for a page that asks one question. */
    public static Label pageHeading(String text) {
        return new Label(TextOrHtml.text(text), null, true, "govuk-label--l", null);
    }

    /** This label for the field with {@code id}. */
    public Label forField(String id) {
        return new Label(text, id, isPageHeading, classes, attributes);
    }
}
