package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's error summary: at the top of a page that failed validation, every error with a link to
 * its field. {@code disableAutoFocus} null leaves GOV.UK's default (focus moves to the summary).
 */
public record ErrorSummary(
        TextOrHtml title,
        TextOrHtml description,
        List<Item> errorList,
        Boolean disableAutoFocus,
        String classes,
        Map<String, String> attributes) {

    public ErrorSummary {
        errorList = errorList == null ? List.of() : List.copyOf(errorList);
    }

    /** One error; {@code href} is the field's id as a fragment, such as {@code #date-of-birth-day}. */
    public record Item(TextOrHtml text, String href, Map<String, String> attributes) {

        public static Item of(String text, String href) {
            return new Item(TextOrHtml.text(text), href, null);
        }
    }

    /** "There is a problem" and the errors. */
    public static ErrorSummary of(List<Item> errors) {
        return new ErrorSummary(TextOrHtml.text("There is a problem"), null, errors, null, null, null);
    }
}
