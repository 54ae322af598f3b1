package org.lscb.server.web.component;

import java.util.Map;

/**
 * GOV.UK Frontend's button: a {@code button} that submits (or resets) a form, or a link styled as a button
 * when {@code href} is set. {@code preventDoubleClick} stops a second submission of the same form.
 */
public record Button(
        TextOrHtml text,
        Element element,
        String href,
        String name,
        String value,
        String type,
        boolean disabled,
        Boolean preventDoubleClick,
        boolean isStartButton,
        String id,
        String classes,
        Map<String, String> attributes) {

    /** The element GOV.UK would choose: a link when {@code href} is set, else a button. */
    public enum Element {
        A,
        BUTTON
    }

    /** The form's main action, guarded against a double submission. */
    public static Button submit(String text) {
        return new Button(TextOrHtml.text(text), null, null, null, null, null, false, true, false, null, null, null);
    }

    /** A secondary action in the same form. */
    public static Button secondary(String text) {
        return submit(text).withClasses("govuk-button--secondary");
    }

    /** An action that deletes or cannot be undone. */
    public static Button warning(String text) {
        return submit(text).withClasses("govuk-button--warning");
    }

    /** A link that looks like a button, such as "Start a review". */
    public static Button link(String text, String href) {
        return new Button(TextOrHtml.text(text), null, href, null, null, null, false, null, false, null, null, null);
    }

    /** This button submitting {@code name=value}, to say which of several buttons was pressed. */
    public Button withNameValue(String name, String value) {
        return copy(name, value, id, classes);
    }

    /** The button's id, for a page script that drives it. */
    public Button withId(String id) {
        return copy(name, value, id, classes);
    }

    /** The button's extra CSS classes, such as {@code govuk-button--secondary}. */
    public Button withClasses(String classes) {
        return copy(name, value, id, classes);
    }

    /** This button with the fields the withers change; every other field as it is. */
    private Button copy(String name, String value, String id, String classes) {
        return new Button(
                text,
                element,
                href,
                name,
                value,
                type,
                disabled,
                preventDoubleClick,
                isStartButton,
                id,
                classes,
                attributes);
    }

    /** Whether this renders as a link. */
    public boolean isLink() {
        return element == null ? href != null && !href.isEmpty() : element == Element.A;
    }
}
