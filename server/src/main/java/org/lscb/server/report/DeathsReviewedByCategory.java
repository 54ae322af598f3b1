package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import org.lscb.reviews.statistics.ChildDeathReturn;

/**
 * The child deaths the panel reviewed in the year by the category of death it assigned (the ten categories of the
 * national analysis form), and how many were reviewed beside how many were notified: the CDOP's aggregated findings
 * for the board [27, 28]. Counts as the annual return counts them ({@link ReviewedDeaths}).
 */
final class DeathsReviewedByCategory implements ReportSection {

    @Override
    public Section build(ReportContext c) {
        ChildDeathReturn r = ReviewedDeaths.of(c);
        Count notified = ChildDeathsNotified.total(ChildDeathsNotified.notifiedIn(c.year(), c.asAt(), c.reviews()));
        Figure notifiedAndReviewed = ChildDeathsNotified.deaths(
                "deaths-notified-and-reviewed",
                "Child deaths notified and reviewed in " + c.year().label(),
                "Deaths",
                List.of(
                        new Figure.Row("NOTIFIED", "Notified to the board", List.of(notified), false),
                        new Figure.Row("REVIEWED", "Reviewed by the panel", List.of(ReviewedDeaths.total(r)), false)),
                Figure.Kind.BAR);
        List<Figure.Row> rows = new ArrayList<>();
        for (ChildDeathReturn.Row row : ReviewedDeaths.table(r, ChildDeathReturn.CATEGORY)) {
            rows.add(new Figure.Row(row.code(), row.label(), List.of(ReviewedDeaths.count(row)), false));
        }
        rows.add(new Figure.Row("TOTAL", "All deaths reviewed", List.of(ReviewedDeaths.total(r)), true));
        Figure byCategory = ChildDeathsNotified.deaths(
                "deaths-reviewed-by-category",
                "Deaths reviewed by category of death",
                "Category of death",
                rows,
                Figure.Kind.BAR);
        return new Section(
                "reviewed",
                "Deaths reviewed by category",
                List.of(
                        ReviewedDeaths.NOTE,
                        "A death is reviewed after it is notified, often in a later year, so the two counts differ.",
                        ChildDeathsNotified.SUPPRESSION_NOTE),
                List.of(notifiedAndReviewed, byCategory));
    }
}
