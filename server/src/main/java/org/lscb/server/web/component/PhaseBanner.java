package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's phase banner: says the service is in alpha or beta, and where to give feedback. */
public record PhaseBanner(Tag tag, TextOrHtml text, String classes, Map<String, String> attributes) {

    /** A beta banner with {@code html}, such as a feedback link, beside the tag. */
    public static PhaseBanner beta(Html html) {
        return new PhaseBanner(Tag.of("Beta"), html, null, null);
    }

    /** The tag with the banner's own class before its classes. */
    public Tag bannerTag() {
        if (tag == null) {
            return new Tag(null, "govuk-phase-banner__content__tag", null);
        }
        return new Tag(
                tag.text(), Attributes.classes("govuk-phase-banner__content__tag", tag.classes()), tag.attributes());
    }
}
