package org.lscb.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report as built once for a request, and rendered from this same value as JSON, as a page and as a PDF,
 * so the three never disagree.
 *
 * @param kind      {@code board-annual} or {@code cdop-annual}
 * @param year      the reporting year, named by the year it ends in (2026 is 1 April 2025 to 31 March 2026)
 * @param asAt      the day the figures are read on: the year's last day, or today while the year runs
 * @param generated the day the report was built
 */
public record Report(
        String kind,
        String title,
        String boardId,
        String boardName,
        int year,
        String yearLabel,
        LocalDate from,
        LocalDate to,
        LocalDate asAt,
        LocalDate generated,
        List<Section> sections) {

    public Report {
        sections = List.copyOf(sections);
    }
}
