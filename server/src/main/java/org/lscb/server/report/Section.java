package org.lscb.server.report;

import java.util.List;

/**
 * One section of a report: a heading, notes that say how the figures were counted, and its figures.
 *
 * @param id unique within the report ({@code timeliness}), for anchors and tests
 */
public record Section(String id, String heading, List<String> notes, List<Figure> figures) {
    public Section {
        notes = List.copyOf(notes);
        figures = List.copyOf(figures);
    }
}
