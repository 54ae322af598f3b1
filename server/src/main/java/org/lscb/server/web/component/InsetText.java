package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's inset text: a quotation or note set apart from the text around it. */
public record InsetText(TextOrHtml text, String id, String classes, Map<String, String> attributes) {

    public static InsetText of(String text) {
        return new InsetText(TextOrHtml.text(text), null, null, null);
    }
}
