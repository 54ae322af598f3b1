package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import org.lscb.reviews.ReportingYear;

/**
 * The child deaths notified in each reporting year the board holds, up to the report's year: the trend the
 * CDOP looks for in its local data and reports to the board [27, 28]. Each year's count is that year's total as
 * the deaths section of its own report shows it ({@link ChildDeathsNotified#total}), withheld where that section
 * withholds it: a year's count beside the section's withheld total would give the total away, and with it what
 * the section's breakdowns hide.
 */
final class ChildDeathTrend implements ReportSection {

    @Override
    public Section build(ReportContext c) {
        int first = c.reviews().stream()
                .filter(ChildDeathsNotified::counted)
                .map(ReviewDays::opened)
                .filter(d -> !d.isAfter(c.asAt()))
                .filter(d -> !d.isBefore(new ReportingYear(ReportingYear.EARLIEST).firstDay()))
                .mapToInt(d -> ReportingYear.containing(d).endsIn())
                .min()
                .orElse(c.year().endsIn());
        List<Figure.Row> rows = new ArrayList<>();
        for (int y = first; y <= c.year().endsIn(); y++) {
            ReportingYear year = new ReportingYear(y);
            Count deaths = ChildDeathsNotified.total(ChildDeathsNotified.notifiedIn(year, c.asAt(), c.reviews()));
            rows.add(new Figure.Row(String.valueOf(y), year.label(), List.of(deaths), false));
        }
        Figure figure = ChildDeathsNotified.deaths(
                "deaths-by-year", "Child deaths notified each year", "Reporting year", rows, Figure.Kind.LINE);
        return new Section(
                "trend",
                "Trend over the years held",
                List.of(
                        "Every reporting year from the first death the board holds to "
                                + c.year().label() + ".",
                        ChildDeathsNotified.SUPPRESSION_NOTE),
                List.of(figure));
    }
}
