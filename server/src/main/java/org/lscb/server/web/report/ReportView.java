package org.lscb.server.web.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lscb.reviews.ReportingYear;
import org.lscb.server.report.Count;
import org.lscb.server.report.Figure;
import org.lscb.server.report.Report;
import org.lscb.server.report.Section;
import org.lscb.server.report.SvgCharts;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.Table;
import org.lscb.server.web.component.Table.Cell;
import org.lscb.server.web.component.TextOrHtml;

/** A report as its page shows it: each figure's SVG chart and, beside it, the GOV.UK table of its counts. */
public record ReportView(
        Report report, List<SectionView> sections, String pdfHref, String previousHref, String nextHref) {

    public record SectionView(Section section, List<FigureView> figures) {}

    /** A figure: its chart as inline SVG (or null when it has none) and its table, the chart's text alternative. */
    public record FigureView(Figure figure, Html chart, Table table) {}

    static ReportView of(Report r) {
        String base = "/reports/" + r.kind();
        return new ReportView(
                r,
                r.sections().stream()
                        .map(s -> new SectionView(
                                s, s.figures().stream().map(ReportView::figure).toList()))
                        .toList(),
                base + ".pdf?year=" + r.year(),
                r.year() > ReportingYear.EARLIEST ? base + "?year=" + (r.year() - 1) : null,
                r.year() < ReportingYear.LATEST ? base + "?year=" + (r.year() + 1) : null);
    }

    public String asAt() {
        return Words.date(report.asAt().toString());
    }

    private static FigureView figure(Figure f) {
        Html chart = f.chart() == null ? null : new Html(SvgCharts.of(f));
        List<Cell> head = new ArrayList<>();
        head.add(Cell.of(f.rowHeading()));
        f.columns().forEach(c -> head.add(new Cell(TextOrHtml.text(c), "numeric", null, null, null, null)));
        List<List<Cell>> rows = f.rows().stream()
                .map(row -> {
                    List<Cell> cells = new ArrayList<>();
                    cells.add(Cell.of(row.label()));
                    row.counts().stream().map(ReportView::cell).forEach(cells::add);
                    return List.copyOf(cells);
                })
                .toList();
        Table table = new Table(
                f.caption(), "govuk-table__caption--s", head, rows, true, null, Map.of("id", f.id() + "-table"));
        return new FigureView(f, chart, table);
    }

    private static Cell cell(Count c) {
        return new Cell(
                TextOrHtml.text(c.text()),
                "numeric",
                null,
                null,
                null,
                c.suppressed() ? Map.of("data-suppressed", "true") : null);
    }
}
