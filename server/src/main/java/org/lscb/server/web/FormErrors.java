package org.lscb.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form's errors by field name, in the order the fields appear: the error summary at the top of the page
 * lists them and links to each field, and each field shows its own message (GOV.UK's error pattern).
 */
public record FormErrors(Map<String, String> byField) {

    /** One error of the summary: the message and the id of the field it links to. */
    public record Entry(String field, String message) {
        public String href() {
            return "#" + field;
        }
    }

    public FormErrors {
        byField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FormErrors none() {
        return new FormErrors(Map.of());
    }

    /** These errors and one more; the first message for a field stands. */
    public FormErrors with(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>(byField);
        m.putIfAbsent(field, message);
        return new FormErrors(m);
    }

    /** A service's refusal of one value as a form's sentence: the field's label, then the rule ("Username is taken"). */
    public static String refusal(String label, org.lscb.foundation.value.InvalidValueException e) {
        return label + " " + e.rule();
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Optional<String> of(String field) {
        return Optional.ofNullable(byField.get(field));
    }

    /** The message for a field, or null: for templates. */
    public String message(String field) {
        return byField.get(field);
    }

    /** GOV.UK's error summary of these errors, each linking to its field. */
    public org.lscb.server.web.component.ErrorSummary summary() {
        return org.lscb.server.web.component.ErrorSummary.of(entries().stream()
                .map(e -> org.lscb.server.web.component.ErrorSummary.Item.of(e.message(), e.href()))
                .toList());
    }

    /** The error message component for a field, or null when the field has no error. */
    public org.lscb.server.web.component.ErrorMessage errorFor(String field) {
        String m = byField.get(field);
        return m == null ? null : org.lscb.server.web.component.ErrorMessage.of(m);
    }

    public List<Entry> entries() {
        return byField.entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue()))
                .toList();
    }
}
