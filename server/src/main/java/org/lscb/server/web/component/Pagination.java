package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's pagination: numbered pages of a long list, such as search results, or previous and next
 * links alone between the pages of a sequence (then {@code labelText} can name the page they lead to).
 */
public record Pagination(
        Link previous,
        Link next,
        List<Item> items,
        String landmarkLabel,
        String classes,
        Map<String, String> attributes) {

    public Pagination {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A previous or next link; without text, "Previous page" or "Next page". */
    public record Link(String href, TextOrHtml text, String labelText, Map<String, String> attributes) {

        public static Link to(String href) {
            return new Link(href, null, null, null);
        }
    }

    /** A page number, or an ellipsis between numbers ({@link #gap()}). */
    public record Item(
            String number,
            String href,
            boolean current,
            boolean ellipsis,
            String visuallyHiddenText,
            Map<String, String> attributes) {

        public static Item page(int number, String href, boolean current) {
            return new Item(Integer.toString(number), href, current, false, null, null);
        }

        public static Item gap() {
            return new Item(null, null, false, true, null, null);
        }
    }

    public static Pagination of(Link previous, List<Item> items, Link next) {
        return new Pagination(previous, next, items, null, null, null);
    }

    /** Previous and next alone are shown as blocks. */
    public boolean blockLevel() {
        return items.isEmpty() && (next != null || previous != null);
    }

    public static boolean shown(Link link) {
        return link != null && link.href() != null && !link.href().isEmpty();
    }
}
