package org.lscb.server.web.component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GOV.UK Frontend's date input: day, month and year fields in a fieldset, for a date the person knows such as
 * a child's date of birth. Values are the text as typed, so an invalid date is shown back as it was entered.
 */
public record DateInput(
        String id,
        String namePrefix,
        List<Item> items,
        Fieldset fieldset,
        Hint hint,
        ErrorMessage errorMessage,
        String classes,
        Map<String, String> attributes) {

    public DateInput {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One field; its label is {@code label}, else its name capitalised. */
    public record Item(
            String name,
            String label,
            String value,
            String id,
            String classes,
            String inputmode,
            String autocomplete,
            String pattern,
            Map<String, String> attributes) {

        public static Item of(String name, String value, String widthClass) {
            return new Item(name, null, value, null, widthClass, null, null, null, null);
        }
    }

    /**
     * Day, month and year named {@code namePrefix-day} and so on, showing the values as typed; with an error,
     * every field is marked (for an error in one field, build the items).
     */
    public static DateInput of(
            String namePrefix, Fieldset.Legend legend, String day, String month, String year, ErrorMessage error) {
        String error2 = error == null ? "govuk-input--width-2" : "govuk-input--width-2 govuk-input--error";
        String error4 = error == null ? "govuk-input--width-4" : "govuk-input--width-4 govuk-input--error";
        return new DateInput(
                namePrefix,
                namePrefix,
                List.of(Item.of("day", day, error2), Item.of("month", month, error2), Item.of("year", year, error4)),
                Fieldset.of(legend, null),
                Hint.of("For example, 27 3 2007"),
                error,
                null,
                null);
    }

    /** The items as rendered: the three default fields when none are given. */
    public List<Item> shownItems() {
        if (!items.isEmpty()) {
            return items;
        }
        return List.of(
                Item.of("day", null, "govuk-input--width-2"),
                Item.of("month", null, "govuk-input--width-2"),
                Item.of("year", null, "govuk-input--width-4"));
    }

    public String ariaDescribedBy() {
        return FormField.describedBy(fieldset == null ? null : fieldset.describedBy(), id, hint, errorMessage);
    }

    /** The text input GOV.UK renders for {@code item}. */
    public Input input(Item item) {
        String label = item.label() != null
                ? item.label()
                : item.name().substring(0, 1).toUpperCase(Locale.ROOT)
                        + item.name().substring(1).toLowerCase(Locale.ROOT);
        return new Input(
                item.id() != null ? item.id() : id + "-" + item.name(),
                namePrefix != null ? namePrefix + "-" + item.name() : item.name(),
                "text",
                new Label(TextOrHtml.text(label), null, false, "govuk-date-input__label", null),
                null,
                null,
                item.value(),
                item.autocomplete(),
                item.inputmode() != null ? item.inputmode() : "numeric",
                null,
                item.pattern(),
                null,
                null,
                null,
                Attributes.classes("govuk-date-input__input", item.classes()),
                item.attributes());
    }
}
