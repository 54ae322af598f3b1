package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's summary list: a case's facts as key and value rows, each with actions such as "Change";
 * in a {@link Card} when a page shows several records, such as each child in a review.
 */
public record SummaryList(List<Row> rows, Card card, String classes, Map<String, String> attributes) {

    public SummaryList {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A key or a value. */
    public record Cell(TextOrHtml text, String classes) {

        public static Cell of(String text) {
            return new Cell(TextOrHtml.text(text), null);
        }
    }

    /** A link such as "Change"; {@code visuallyHiddenText} says what it changes to a screen reader. */
    public record Action(
            String href, TextOrHtml text, String visuallyHiddenText, String classes, Map<String, String> attributes) {

        public static Action of(String text, String href, String visuallyHiddenText) {
            return new Action(href, TextOrHtml.text(text), visuallyHiddenText, null, null);
        }

        /** "Change", with what it changes for screen readers. */
        public static Action change(String href, String visuallyHiddenText) {
            return of("Change", href, visuallyHiddenText);
        }
    }

    public record Actions(List<Action> items, String classes) {

        public Actions {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Row(Cell key, Cell value, Actions actions, String classes) {

        public static Row of(String key, String value) {
            return new Row(Cell.of(key), Cell.of(value), null, null);
        }

        public static Row of(String key, String value, Action... actions) {
            return new Row(Cell.of(key), Cell.of(value), new Actions(List.of(actions), null), null);
        }

        public boolean hasActions() {
            return actions != null && !actions.items().isEmpty();
        }
    }

    /** The card's heading, at {@code headingLevel} (2 unless set). */
    public record Title(TextOrHtml text, Integer headingLevel, String classes) {

        public int level() {
            return headingLevel == null ? 2 : headingLevel;
        }
    }

    /** A titled card around the list, with actions for the whole record. */
    public record Card(Title title, Actions actions, String classes, Map<String, String> attributes) {

        public static Card of(String title, Action... actions) {
            return new Card(
                    new Title(TextOrHtml.text(title), null, null), new Actions(List.of(actions), null), null, null);
        }

        public boolean hasActions() {
            return actions != null && !actions.items().isEmpty();
        }
    }

    public static SummaryList of(Row... rows) {
        return new SummaryList(List.of(rows), null, null, null);
    }

    public SummaryList inCard(Card card) {
        return new SummaryList(rows, card, classes, attributes);
    }

    /** Whether a row has actions, so that rows without get GOV.UK's no-actions class. */
    public boolean anyRowHasActions() {
        return rows.stream().anyMatch(Row::hasActions);
    }

    /** The card's title as text for an action's hidden suffix, or null without a card. */
    public TextOrHtml cardTitle() {
        return card == null || card.title() == null ? null : card.title().text();
    }
}
