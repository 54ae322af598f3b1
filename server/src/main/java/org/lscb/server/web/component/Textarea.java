package org.lscb.server.web.component;

import java.util.Map;

/** GOV.UK Frontend's textarea, with its label, hint and error message: free text such as a case summary. */
public record Textarea(
        String id,
        String name,
        Integer rows,
        Label label,
        Hint hint,
        ErrorMessage errorMessage,
        String value,
        String autocomplete,
        Boolean spellcheck,
        String describedBy,
        String classes,
        Map<String, String> attributes) {

    public static Textarea of(String name, Label label, String value) {
        return new Textarea(null, name, null, label, null, null, value, null, null, null, null, null);
    }

    public Textarea withHint(Hint hint) {
        return new Textarea(
                id,
                name,
                rows,
                label,
                hint,
                errorMessage,
                value,
                autocomplete,
                spellcheck,
                describedBy,
                classes,
                attributes);
    }

    /** This field showing {@code error}, or as it is when {@code error} is null. */
    public Textarea withError(ErrorMessage error) {
        return new Textarea(
                id, name, rows, label, hint, error, value, autocomplete, spellcheck, describedBy, classes, attributes);
    }

    public String fieldId() {
        return id != null ? id : name;
    }

    public String ariaDescribedBy() {
        return FormField.describedBy(describedBy, fieldId(), hint, errorMessage);
    }
}
