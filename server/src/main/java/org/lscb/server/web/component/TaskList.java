package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's task list: the steps of a long piece of work, such as a review's stages, each with its
 * status as a tag (to do) or as text (completed). Item ids are numbered from {@code idPrefix}.
 */
public record TaskList(List<Item> items, String idPrefix, String classes, Map<String, String> attributes) {

    public TaskList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Title(TextOrHtml text, String classes) {}

    /** The status: a {@link Tag} when it needs attention, else text. */
    public record Status(Tag tag, TextOrHtml text, String classes) {

        public static Status tag(Tag tag) {
            return new Status(tag, null, null);
        }

        /** Plain text in the secondary colour, such as "Completed" or "Cannot start yet". */
        public static Status text(String text) {
            return new Status(null, TextOrHtml.text(text), "govuk-task-list__status--cannot-start-yet");
        }
    }

    /** A task; without {@code href} it cannot be started yet and is not a link. */
    public record Item(Title title, String href, TextOrHtml hint, Status status, String classes) {

        public static Item of(String title, String href, Status status) {
            return new Item(new Title(TextOrHtml.text(title), null), href, null, status, null);
        }
    }

    public static TaskList of(Item... items) {
        return new TaskList(List.of(items), null, null, null);
    }

    public String prefix() {
        return idPrefix != null ? idPrefix : "task-list";
    }
}
