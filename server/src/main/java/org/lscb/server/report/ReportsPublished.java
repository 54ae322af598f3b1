package org.lscb.server.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lscb.library.PublishedReport;
import org.lscb.library.Theme;

/**
 * The board's reports published in the public library in the year, and their themes: the board publishes its
 * reviews' final reports with its response, and its annual report says what they found [11, 19].
 *
 * <p>A report counts in the reporting year of the day it was published (in England), however the officer
 * dated it. One withdrawn by the day the figures are read on is counted apart from those still in the library,
 * so the board answers for every report it published; the themes are those of the reports still in the library,
 * the ones the public can read. A report filed under several themes counts under each.
 */
final class ReportsPublished implements ReportSection {

    static final List<String> COLUMNS = List.of("Reports");

    @Override
    public Section build(ReportContext c) {
        return of(
                c,
                c.em().createQuery("select r from PublishedReport r where r.boardId = :b", PublishedReport.class)
                        .setParameter("b", c.boardId())
                        .getResultList());
    }

    /** The section from {@code reports}, every report the board has published, withdrawn or not. */
    static Section of(ReportContext c, List<PublishedReport> reports) {
        int inLibrary = 0;
        int withdrawn = 0;
        Map<Theme, Integer> themes = new EnumMap<>(Theme.class);
        for (PublishedReport r : reports) {
            LocalDate published = r.publishedAt().atZone(ReviewDays.ENGLAND).toLocalDate();
            if (!c.year().contains(published) || published.isAfter(c.asAt())) {
                continue;
            }
            boolean gone = r.withdrawnAt()
                    .map(w -> !w.atZone(ReviewDays.ENGLAND).toLocalDate().isAfter(c.asAt()))
                    .orElse(false);
            if (gone) {
                withdrawn++;
            } else {
                inLibrary++;
                r.themes().forEach(t -> themes.merge(t, 1, Integer::sum));
            }
        }
        Figure published = new Figure(
                "reports-published",
                "Reports published, " + c.year().label(),
                "Report",
                COLUMNS,
                List.of(
                        new Figure.Row("IN_LIBRARY", "In the library", List.of(Count.of(inLibrary)), false),
                        new Figure.Row("WITHDRAWN", "Withdrawn", List.of(Count.of(withdrawn)), false),
                        new Figure.Row(
                                "TOTAL", "All published in the year", List.of(Count.of(inLibrary + withdrawn)), true)),
                new Figure.Chart(Figure.Kind.BAR, "Reports", List.of(0)));
        List<Figure.Row> themeRows = new ArrayList<>();
        themes.forEach((t, n) -> themeRows.add(new Figure.Row(t.name(), t.label(), List.of(Count.of(n)), false)));
        Figure byTheme = new Figure(
                "report-themes",
                "Themes of the reports in the library, " + c.year().label(),
                "Theme",
                COLUMNS,
                themeRows,
                themeRows.isEmpty() ? null : new Figure.Chart(Figure.Kind.BAR, "Reports", List.of(0)));
        List<String> notes = new ArrayList<>(List.of(
                "A report counts in the year it was published in the public library. Withdrawn counts those"
                        + " taken out of the library by " + ReportDates.day(c.asAt()) + ".",
                "The themes are those of the reports still in the library on " + ReportDates.day(c.asAt())
                        + ". A report filed under several themes counts under each."));
        if (inLibrary + withdrawn == 0) {
            notes.add("No report was published in the year.");
        }
        return new Section("publication", "Reports published", notes, List.of(published, byTheme));
    }
}
