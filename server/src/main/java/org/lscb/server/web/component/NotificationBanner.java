package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's notification banner: news the person needs on this page, such as "Review created" after
 * an action ({@code success}) or an important notice. {@code text} is shown as a heading; {@code html} as it is.
 */
public record NotificationBanner(
        boolean success,
        TextOrHtml title,
        String titleId,
        Integer titleHeadingLevel,
        String role,
        Boolean disableAutoFocus,
        TextOrHtml content,
        String classes,
        Map<String, String> attributes) {

    /** A success banner whose heading says what was done. */
    public static NotificationBanner success(String heading) {
        return new NotificationBanner(true, null, null, null, null, null, TextOrHtml.text(heading), null, null);
    }

    /** An "Important" banner. */
    public static NotificationBanner important(String heading) {
        return new NotificationBanner(false, null, null, null, null, null, TextOrHtml.text(heading), null, null);
    }

    public TextOrHtml shownTitle() {
        return title != null ? title : TextOrHtml.text(success ? "Success" : "Important");
    }

    public String shownTitleId() {
        return titleId != null ? titleId : "govuk-notification-banner-title";
    }

    public int level() {
        return titleHeadingLevel == null ? 2 : titleHeadingLevel;
    }

    public String shownRole() {
        return role != null ? role : success ? "alert" : "region";
    }
}
