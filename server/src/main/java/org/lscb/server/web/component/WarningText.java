package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's warning text: something the person must know before acting, such as a legal duty. */
public record WarningText(TextOrHtml text, String iconFallbackText, String classes, Map<String, String> attributes) {

    public static WarningText of(String text) {
        return new WarningText(TextOrHtml.text(text), null, null, null);
    }
}
