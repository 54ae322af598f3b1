package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's select, with its label, hint and error message: one choice from a long list, such as the
 * board a case belongs to. The option whose value equals {@code value} is selected, unless it says otherwise.
 */
public record Select(
        String id,
        String name,
        List<Item> items,
        String value,
        Label label,
        Hint hint,
        ErrorMessage errorMessage,
        String describedBy,
        String classes,
        Map<String, String> attributes) {

    public Select {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One option; without a value, its text is what the form submits. */
    public record Item(String value, String text, Boolean selected, boolean disabled, Map<String, String> attributes) {

        public static Item of(String value, String text) {
            return new Item(value, text, null, false, null);
        }
    }

    public static Select of(String name, Label label, List<Item> items, String value) {
        return new Select(null, name, items, value, label, null, null, null, null, null);
    }

    /** This field showing {@code error}, or as it is when {@code error} is null. */
    public Select withError(ErrorMessage error) {
        return new Select(id, name, items, value, label, hint, error, describedBy, classes, attributes);
    }

    public String fieldId() {
        return id != null ? id : name;
    }

    public String ariaDescribedBy() {
        return FormField.describedBy(describedBy, fieldId(), hint, errorMessage);
    }

    /** Whether {@code item} is selected: it says so, or it has the select's value and does not say otherwise. */
    public boolean isSelected(Item item) {
        if (Boolean.TRUE.equals(item.selected())) {
            return true;
        }
        String effective = item.value() != null ? item.value() : item.text();
        return value != null && !value.isEmpty() && value.equals(effective) && !Boolean.FALSE.equals(item.selected());
    }
}
