package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.ReviewType;

/**
 * The child deaths notified in each reporting year the board holds, up to the report's year: the trend the
 * CDOP looks for in its local data and reports to the board [27, 28]. Each year's count stands alone (no total),
 * so each is subject to {@link SmallCounts#alone}.
 */
final class ChildDeathTrend implements ReportSection {

    @Override
    public Section build(ReportContext c) {
        Map<Integer, Integer> byYear = new TreeMap<>();
        c.reviews().stream()
                .filter(r -> r.type() == ReviewType.CHILD_DEATH_REVIEW)
                .map(ReviewDays::opened)
                .filter(d -> !d.isAfter(c.asAt()))
                .filter(d -> !d.isBefore(new ReportingYear(ReportingYear.EARLIEST).firstDay()))
                .map(d -> ReportingYear.containing(d).endsIn())
                .forEach(y -> byYear.merge(y, 1, Integer::sum));
        byYear.putIfAbsent(c.year().endsIn(), 0);
        int first = byYear.keySet().iterator().next();
        List<Figure.Row> rows = new ArrayList<>();
        for (int y = first; y <= c.year().endsIn(); y++) {
            ReportingYear year = new ReportingYear(y);
            rows.add(new Figure.Row(
                    String.valueOf(y), year.label(), List.of(SmallCounts.alone(byYear.getOrDefault(y, 0))), false));
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
