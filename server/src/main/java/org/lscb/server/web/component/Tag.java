package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's tag: a short status label, coloured by a modifier class such as {@code govuk-tag--red}. */
public record Tag(TextOrHtml text, String classes, Map<String, String> attributes) {

    public static Tag of(String text) {
        return new Tag(TextOrHtml.text(text), null, null);
    }

    /** A coloured tag, {@code colour} being GOV.UK's modifier such as {@code "red"} or {@code "grey"}. */
    public static Tag of(String text, String colour) {
        return new Tag(TextOrHtml.text(text), "govuk-tag--" + colour, null);
    }
}
