package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's skip link: the first link on every page, to the main content for keyboard users. */
public record SkipLink(TextOrHtml text, String href, String classes, Map<String, String> attributes) {

    /** "Skip to main content", to {@code #main-content}. */
    public static SkipLink toMainContent() {
        return new SkipLink(TextOrHtml.text("Skip to main content"), "#main-content", null, null);
    }
}
