package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's panel: the confirmation at the end of a transaction, such as a review's reference. */
public record Panel(
        TextOrHtml title, TextOrHtml text, Integer headingLevel, String classes, Map<String, String> attributes) {

    public static Panel confirmation(String title, String text) {
        return new Panel(TextOrHtml.text(title), TextOrHtml.text(text), null, null, null);
    }

    /** The heading level as rendered: 1 unless set. */
    public int level() {
        return headingLevel == null ? 1 : headingLevel;
    }
}
