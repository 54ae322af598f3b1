package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's text input, with its label, hint and error message in one form group: a name, an email
 * address, a reference. {@code prefix} and {@code suffix} show a unit beside the field, such as "£".
 */
public record Input(
        String id,
        String name,
        String type,
        Label label,
        Hint hint,
        ErrorMessage errorMessage,
        String value,
        String autocomplete,
        String inputmode,
        Boolean spellcheck,
        String pattern,
        String describedBy,
        Affix prefix,
        Affix suffix,
        String classes,
        Map<String, String> attributes) {

    /** Text shown before or after the field, hidden from screen readers (the label says it). */
    public record Affix(TextOrHtml text, String classes, Map<String, String> attributes) {

        public static Affix of(String text) {
            return new Affix(TextOrHtml.text(text), null, null);
        }
    }

    /** A text field named {@code name} (its id too) showing {@code value}. */
    public static Input text(String name, Label label, String value) {
        return new Input(
                null, name, null, label, null, null, value, null, null, null, null, null, null, null, null, null);
    }

    /** An email address field, with the browser's autocomplete and no spellcheck. */
    public static Input email(String name, Label label, String value) {
        return new Input(
                null, name, "email", label, null, null, value, "email", null, false, null, null, null, null, null,
                null);
    }

    public Input withHint(Hint hint) {
        return new Input(
                id,
                name,
                type,
                label,
                hint,
                errorMessage,
                value,
                autocomplete,
                inputmode,
                spellcheck,
                pattern,
                describedBy,
                prefix,
                suffix,
                classes,
                attributes);
    }

    /** This field showing {@code error}, or as it is when {@code error} is null. */
    public Input withError(ErrorMessage error) {
        return new Input(
                id,
                name,
                type,
                label,
                hint,
                error,
                value,
                autocomplete,
                inputmode,
                spellcheck,
                pattern,
                describedBy,
                prefix,
                suffix,
                classes,
                attributes);
    }

    public Input withClasses(String classes) {
        return new Input(
                id,
                name,
                type,
                label,
                hint,
                errorMessage,
                value,
                autocomplete,
                inputmode,
                spellcheck,
                pattern,
                describedBy,
                prefix,
                suffix,
                classes,
                attributes);
    }

    /** The field's id: {@code id}, else its name. */
    public String fieldId() {
        return id != null ? id : name;
    }

    /** The field's {@code aria-describedby}: {@code describedBy}, its hint and its error message. */
    public String ariaDescribedBy() {
        return FormField.describedBy(describedBy, fieldId(), hint, errorMessage);
    }

    public boolean hasPrefix() {
        return prefix != null && prefix.text() != null;
    }

    public boolean hasSuffix() {
        return suffix != null && suffix.text() != null;
    }
}
