package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's checkboxes: any number of answers from a list, in a fieldset whose legend asks the
 * question. Items whose value is in {@code values} are checked unless they say otherwise; an item with
 * {@code behaviour} "exclusive" (such as "None of these") unchecks the others.
 */
public record Checkboxes(
        String name,
        String idPrefix,
        List<Item> items,
        List<String> values,
        Fieldset fieldset,
        Hint hint,
        ErrorMessage errorMessage,
        String describedBy,
        String classes,
        Map<String, String> attributes) {

    public Checkboxes {
        items = items == null ? List.of() : List.copyOf(items);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** One answer with its own hint, or a divider (such as "or") between answers when {@code divider} is set. */
    public record Item(
            String value,
            TextOrHtml text,
            Hint hint,
            Boolean checked,
            boolean disabled,
            String id,
            String name,
            String behaviour,
            String divider,
            Map<String, String> attributes) {

        public static Item of(String value, String text) {
            return new Item(value, TextOrHtml.text(text), null, null, false, null, null, null, null, null);
        }

        /** "None of these" and the like: checking it unchecks the other items. */
        public static Item exclusive(String value, String text) {
            return new Item(value, TextOrHtml.text(text), null, null, false, null, null, "exclusive", null, null);
        }

        public static Item divider(String text) {
            return new Item(null, null, null, null, false, null, null, null, text, null);
        }

        public boolean hasHint() {
            return hint != null && hint.text() != null;
        }
    }

    public static Checkboxes of(String name, Fieldset.Legend legend, List<Item> items, List<String> values) {
        return new Checkboxes(name, null, items, values, Fieldset.of(legend, null), null, null, null, null, null);
    }

    public Checkboxes withHint(Hint hint) {
        return new Checkboxes(
                name, idPrefix, items, values, fieldset, hint, errorMessage, describedBy, classes, attributes);
    }

    /** These checkboxes showing {@code error}, or as they are when {@code error} is null. */
    public Checkboxes withError(ErrorMessage error) {
        return new Checkboxes(name, idPrefix, items, values, fieldset, hint, error, describedBy, classes, attributes);
    }

    public String prefix() {
        return idPrefix != null ? idPrefix : name;
    }

    /** The {@code aria-describedby} of the fieldset (or, without one, of each item): hint and error message too. */
    public String ariaDescribedBy() {
        String own = fieldset != null && fieldset.describedBy() != null ? fieldset.describedBy() : describedBy;
        return FormField.describedBy(own, prefix(), hint, errorMessage);
    }

    public String itemId(Item item, int index) {
        return item.id() != null ? item.id() : prefix() + (index > 1 ? "-" + index : "");
    }

    /** An item's {@code aria-describedby}: the group's when there is no fieldset to carry it, and its hint. */
    public String itemDescribedBy(Item item, int index) {
        String ids = Attributes.classes(
                fieldset == null ? ariaDescribedBy() : null,
                item.hasHint() ? itemId(item, index) + "-item-hint" : null);
        return ids.isEmpty() ? null : ids;
    }

    public boolean isChecked(Item item) {
        if (Boolean.TRUE.equals(item.checked())) {
            return true;
        }
        return !values.isEmpty() && values.contains(item.value()) && !Boolean.FALSE.equals(item.checked());
    }
}
