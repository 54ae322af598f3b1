package org.lscb.server.web.component;

/** The ids GOV.UK Frontend gives a form field's hint and error message, and the field's {@code aria-describedby}. */
final class FormField {

    private FormField() {}

    /**
     * {@code describedBy} followed by the hint's and the error message's ids where they are shown, or null
     * when there are none.
     */
    static String describedBy(String describedBy, String idPrefix, Hint hint, ErrorMessage errorMessage) {
        String ids = Attributes.classes(
                describedBy,
                hint == null ? null : idPrefix + "-hint",
                errorMessage == null ? null : idPrefix + "-error");
        return ids.isEmpty() ? null : ids;
    }
}
