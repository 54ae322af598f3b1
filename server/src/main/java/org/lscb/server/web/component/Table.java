package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's table: tabular data such as a list of reviews; {@code firstCellIsHeader} makes each row's
 * first cell its header. Cells hold text or our own rendered markup (a tag, a link).
 */
public record Table(
        String caption,
        String captionClasses,
        List<Cell> head,
        List<List<Cell>> rows,
        boolean firstCellIsHeader,
        String classes,
        Map<String, String> attributes) {

    public Table {
        head = head == null ? List.of() : List.copyOf(head);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    /** A cell; {@code format} "numeric" right-aligns it. */
    public record Cell(
            TextOrHtml text,
            String format,
            String classes,
            Integer colspan,
            Integer rowspan,
            Map<String, String> attributes) {

        public static Cell of(String text) {
            return new Cell(TextOrHtml.text(text), null, null, null, null, null);
        }

        public static Cell of(Html html) {
            return new Cell(html, null, null, null, null, null);
        }

        public static Cell numeric(String text) {
            return new Cell(TextOrHtml.text(text), "numeric", null, null, null, null);
        }
    }

    /** A table with a caption styled as a medium heading. */
    public static Table of(String caption, List<Cell> head, List<List<Cell>> rows) {
        return new Table(caption, "govuk-table__caption--m", head, rows, false, null, null);
    }
}
