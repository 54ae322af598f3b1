package org.lscb.server.web.admin;

import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.component.ErrorMessage;

/**
 * The administration forms' errors: a service's refusal of one value ({@link InvalidValueException}, which
 * names the field) as the message beside that field, worded with the field's label ("Username is taken"),
 * so that the rule stays in the service and only its sentence reaches the page.
 */
final class FieldErrors {

    private FieldErrors() {}

    /** The service's sentence about a field, after the field's label: "Username" + "is taken". */
    static String sentence(String label, InvalidValueException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String prefix = e.field() + ": ";
        String text = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        return label + " " + text;
    }

    /** The field's own error message component, or null when the field has no error. */
    static ErrorMessage of(FormErrors errors, String field) {
        String m = errors.message(field);
        return m == null ? null : ErrorMessage.of(m);
    }
}
