package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/** GOV.UK Frontend's breadcrumbs: where a page sits, such as Reviews › the review › its actions. */
public record Breadcrumbs(
        List<Item> items, boolean collapseOnMobile, String labelText, String classes, Map<String, String> attributes) {

    public Breadcrumbs {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One step: a link, or the current page when {@code href} is null. */
    public record Item(TextOrHtml text, String href, Map<String, String> attributes) {

        public static Item link(String text, String href) {
            return new Item(TextOrHtml.text(text), href, null);
        }

        public static Item current(String text) {
            return new Item(TextOrHtml.text(text), null, null);
        }
    }

    public static Breadcrumbs of(Item... items) {
        return new Breadcrumbs(List.of(items), true, null, null, null);
    }
}
