package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's fieldset: groups related fields (an address, a date, a set of radios) under a legend,
 * which may be the page's heading. {@code html} is the fields, rendered by their own components.
 */
public record Fieldset(
        Legend legend, String describedBy, String role, Html html, String classes, Map<String, String> attributes) {

    /** The fieldset's caption; {@code isPageHeading} puts it in the page's {@code h1}. */
    public record Legend(TextOrHtml text, boolean isPageHeading, String classes) {

        public static Legend of(String text) {
            return new Legend(TextOrHtml.text(text), false, null);
        }

        /** The legend as the page's large heading, for a page that asks one question. */
        public static Legend pageHeading(String text) {
            return new Legend(TextOrHtml.text(text), true, "govuk-fieldset__legend--l");
        }
    }

    public static Fieldset of(Legend legend, Html html) {
        return new Fieldset(legend, null, null, html, null, null);
    }

    /** The fieldset around fields a component renders (radios, checkboxes, date input), described by its hint and error. */
    public Fieldset around(Html fields, String describedBy, String role) {
        return new Fieldset(legend, describedBy, role, fields, classes, attributes);
    }
}
