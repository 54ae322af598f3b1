package org.lscb.server.web.assets;

import java.util.regex.Pattern;

/**
 * GOV.UK Frontend's compiled stylesheet made fit for a service outside gov.uk. GOV.UK's typeface (GDS
 * Transport) may be used only on gov.uk domains, and its crest only by GOV.UK: the Sass build would drop
 * both with {@code $govuk-font-family} and {@code $govuk-include-default-font-face}, but the Maven build has
 * no Sass compiler, so the same three edits are made to the compiled CSS here: no {@code @font-face}, Arial
 * where GDS Transport was first choice, and no image URL for the crest.
 */
final class GovukStylesheet {

    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*}");
    private static final Pattern CREST = Pattern.compile("url\\(/assets/images/govuk-crest\\.svg\\)");

    private GovukStylesheet() {}

    static String offGovUk(String css) {
        String withoutFaces = FONT_FACE.matcher(css).replaceAll("");
        String arial = withoutFaces
                .replace("\"GDS Transport\",arial,sans-serif", "arial,sans-serif")
                .replace("GDS Transport,arial,sans-serif", "arial,sans-serif");
        String withoutCrest = CREST.matcher(arial).replaceAll("none");
        if (withoutCrest.contains("GDS Transport") || withoutCrest.contains("/assets/")) {
            // a new GOV.UK Frontend version spells these differently: fail at start-up, not silently in the browser
            throw new IllegalStateException("GOV.UK Frontend's stylesheet still names GOV.UK's typeface or assets");
        }
        return withoutCrest;
    }
}
