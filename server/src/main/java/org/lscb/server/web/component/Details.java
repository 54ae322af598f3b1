package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's details: help that only some people need, hidden behind its summary until opened. */
public record Details(
        TextOrHtml summary, TextOrHtml text, boolean open, String id, String classes, Map<String, String> attributes) {

    public static Details of(String summary, String text) {
        return new Details(TextOrHtml.text(summary), TextOrHtml.text(text), false, null, null, null);
    }

    public static Details of(String summary, Html html) {
        return new Details(TextOrHtml.text(summary), html, false, null, null, null);
    }
}
