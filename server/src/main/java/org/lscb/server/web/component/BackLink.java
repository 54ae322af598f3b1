package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's back link: the way back to the previous step of a form, above the page's heading. */
public record BackLink(TextOrHtml text, String href, String classes, Map<String, String> attributes) {

    /** A link labelled "Back". */
    public static BackLink to(String href) {
        return new BackLink(null, href, null, null);
    }
}
