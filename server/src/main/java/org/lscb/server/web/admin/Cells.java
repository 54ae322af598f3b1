package org.lscb.server.web.admin;

import java.util.List;
import java.util.Map;
import org.lscb.server.web.Templates;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.Pagination;

/** What the administration pages' view records put into components: links in cells, paging, success banners. */
final class Cells {

    private Cells() {}

    /** A link to {@code href} reading {@code text}, for a table cell or summary list value. */
    static Html link(String text, String href) {
        return new Html(Templates.render("pages/admin/link.jte", Map.of("text", text, "href", href)));
    }

    /** Previous and next links between the pages of a list at {@code path}; null when it fits on one page. */
    static Pagination pages(String path, int page, boolean hasNext) {
        if (page <= 0 && !hasNext) {
            return null;
        }
        return Pagination.of(
                page > 0 ? Pagination.Link.to(path + "?page=" + (page - 1)) : null,
                List.of(),
                hasNext ? Pagination.Link.to(path + "?page=" + (page + 1)) : null);
    }

    /** The success banner saying what was just done; null when nothing was. */
    static NotificationBanner done(String message) {
        return message == null ? null : NotificationBanner.success(message);
    }
}
