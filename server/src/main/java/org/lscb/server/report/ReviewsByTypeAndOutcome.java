package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;

/**
 * The board's reviews by type and outcome in the year: opened, completed, closed with no review, and still in
 * progress on the day the report is read on. The board describes its SCRs and other reviews, and what came of
 * them, in its annual report [11, 19]. Counted by {@link ReviewDays}.
 */
final class ReviewsByTypeAndOutcome implements ReportSection {

    static final List<String> COLUMNS = List.of("Opened", "Completed", "Closed with no review", "In progress");

    private static final Map<ReviewType, String> TYPES = Map.of(
            ReviewType.SERIOUS_CASE_REVIEW, "Serious case reviews",
            ReviewType.MANAGEMENT_REVIEW, "Management reviews",
            ReviewType.PRACTICE_AUDIT, "Practice audits",
            ReviewType.CHILD_DEATH_REVIEW, "Child death reviews");

    @Override
    public Section build(ReportContext c) {
        ReportingYear y = c.year();
        List<Figure.Row> rows = new ArrayList<>();
        int[] totals = new int[COLUMNS.size()];
        for (ReviewType type : ReviewType.values()) {
            List<Review> ofType =
                    c.reviews().stream().filter(r -> r.type() == type).toList();
            int[] counts = {
                count(ofType, r -> y.contains(ReviewDays.opened(r))),
                count(ofType, r -> ReviewDays.completed(r).filter(y::contains).isPresent()),
                count(
                        ofType,
                        r -> ReviewDays.closedWithNoReview(r)
                                .filter(y::contains)
                                .isPresent()),
                count(ofType, r -> ReviewDays.inProgressOn(r, c.asAt()))
            };
            for (int i = 0; i < counts.length; i++) {
                totals[i] += counts[i];
            }
            rows.add(new Figure.Row(type.name(), TYPES.get(type), Count.all(counts), false));
        }
        rows.add(new Figure.Row("TOTAL", "All reviews", Count.all(totals), true));
        Figure figure = new Figure(
                "reviews-by-type",
                "Reviews by type and outcome, " + y.label(),
                "Type of review",
                COLUMNS,
                rows,
                new Figure.Chart(Figure.Kind.BAR, "Reviews", List.of(0, 1, 2, 3)));
        return new Section(
                "reviews",
                "Reviews by type and outcome",
                List.of(
                        "Opened counts the reviews whose case the board was notified of in the year.",
                        "Completed and closed with no review count the reviews completed, or closed by the Chair's"
                                + " decision, in the year.",
                        "In progress counts the reviews still open on " + ReportDates.day(c.asAt())
                                + ", whenever they were opened."),
                List.of(figure));
    }

    private static int count(List<Review> reviews, Predicate<Review> test) {
        return (int) reviews.stream().filter(test).count();
    }
}
