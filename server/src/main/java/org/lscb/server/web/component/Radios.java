package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's radios: one answer from a short list, in a fieldset whose legend asks the question. The
 * item whose value equals {@code value} is checked unless it says otherwise; {@code govuk-radios--inline} in
 * {@code classes} puts two short answers side by side.
 */
public record Radios(
        String name,
        String idPrefix,
        List<Item> items,
        String value,
        Fieldset fieldset,
        Hint hint,
        ErrorMessage errorMessage,
        String classes,
        Map<String, String> attributes) {

    public Radios {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One answer with its own hint, or a divider (such as "or") between answers when {@code divider} is set. */
    public record Item(
            String value,
            TextOrHtml text,
            Hint hint,
            Boolean checked,
            boolean disabled,
            String id,
            String divider,
            Map<String, String> attributes) {

        public static Item of(String value, String text) {
            return new Item(value, TextOrHtml.text(text), null, null, false, null, null, null);
        }

        public static Item divider(String text) {
            return new Item(null, null, null, null, false, null, text, null);
        }

        public boolean hasHint() {
            return hint != null && hint.text() != null;
        }
    }

    public static Radios of(String name, Fieldset.Legend legend, List<Item> items, String value) {
        return new Radios(name, null, items, value, Fieldset.of(legend, null), null, null, null, null);
    }

    /** A yes/no question, the answers side by side. */
    public static Radios yesNo(String name, Fieldset.Legend legend, String value) {
        return new Radios(
                name,
                null,
                List.of(Item.of("yes", "Yes"), Item.of("no", "No")),
                value,
                Fieldset.of(legend, null),
                null,
                null,
                "govuk-radios--inline",
                null);
    }

    public Radios withHint(Hint hint) {
        return new Radios(name, idPrefix, items, value, fieldset, hint, errorMessage, classes, attributes);
    }

    /** These radios showing {@code error}, or as they are when {@code error} is null. */
    public Radios withError(ErrorMessage error) {
        return new Radios(name, idPrefix, items, value, fieldset, hint, error, classes, attributes);
    }

    public String prefix() {
        return idPrefix != null ? idPrefix : name;
    }

    /** The fieldset's {@code aria-describedby}: its own, the hint and the error message. */
    public String ariaDescribedBy() {
        return FormField.describedBy(fieldset == null ? null : fieldset.describedBy(), prefix(), hint, errorMessage);
    }

    /** The id of the item at {@code index} (from 1): the first is the prefix alone, for the error summary's link. */
    public String itemId(Item item, int index) {
        return item.id() != null ? item.id() : prefix() + (index > 1 ? "-" + index : "");
    }

    public boolean isChecked(Item item) {
        if (Boolean.TRUE.equals(item.checked())) {
            return true;
        }
        return value != null && !value.isEmpty() && value.equals(item.value()) && !Boolean.FALSE.equals(item.checked());
    }
}
