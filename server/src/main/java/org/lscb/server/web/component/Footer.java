package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's footer with its meta links (accessibility, privacy, cookies, contact) only: the service is
 * not on GOV.UK, so there is no crown, no Open Government Licence and no Crown copyright in it.
 */
public record Footer(Meta meta, String containerClasses, String classes, Map<String, String> attributes) {

    public record Link(String text, String href, Map<String, String> attributes) {

        public static Link of(String text, String href) {
            return new Link(text, href, null);
        }
    }

    /** The links under a visually hidden heading ("Support links" unless set), and text after them. */
    public record Meta(List<Link> items, String visuallyHiddenTitle, TextOrHtml text) {

        public Meta {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public static Footer of(Link... links) {
        return new Footer(new Meta(List.of(links), null, null), null, null, null);
    }
}
