package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;

/**
 * The child deaths notified to the board in the year: expected and unexpected, by place of death and by age
 * band, as the CDOP reports its aggregated findings to the board [27, 28]. Every count is subject to
 * {@link SmallCounts}. A death counts in the year of its notification ({@link ReviewDays#opened}).
 */
final class ChildDeathsNotified implements ReportSection {

    static final String SUPPRESSION_NOTE = Count.SUPPRESSED_MARK
            + " marks a count of 1 or 2, not shown so that no child can be identified, as official statistics do;"
            + " where only one count of a table would be hidden, the next smallest (or the total) is hidden too.";

    static final List<String> COLUMNS = List.of("Deaths");

    @Override
    public Section build(ReportContext c) {
        List<ChildDeath> deaths = deathsNotifiedIn(c);
        List<Figure> figures = List.of(
                figure(
                        "deaths-expected",
                        "Expected and unexpected deaths",
                        "Death",
                        deaths,
                        List.of(false, true),
                        d -> d.unexpected(),
                        u -> u ? "UNEXPECTED" : "EXPECTED",
                        u -> u ? "Unexpected" : "Expected"),
                figure(
                        "deaths-by-place",
                        "Deaths by place of death",
                        "Place of death",
                        deaths,
                        List.of(PlaceOfDeath.values()),
                        PlaceOfDeath::of,
                        PlaceOfDeath::name,
                        PlaceOfDeath::label),
                figure(
                        "deaths-by-age",
                        "Deaths by age",
                        "Age at death",
                        deaths,
                        List.of(AgeBand.values()),
                        d -> AgeBand.of(d.ageAtDeathYears()),
                        AgeBand::name,
                        AgeBand::label));
        return new Section(
                "deaths",
                "Child deaths notified in " + c.year().label(),
                List.of(
                        "Counts the deaths of children normally resident in the area that were notified to the board"
                                + " in the year (1 April to 31 March).",
                        "A death not said to be expected counts as unexpected, as the rapid response treats it.",
                        "Ages are held in whole years, so the first year is one band.",
                        SUPPRESSION_NOTE),
                figures);
    }

    static List<ChildDeath> deathsNotifiedIn(ReportContext c) {
        return c.reviews().stream()
                .filter(r -> r.type() == ReviewType.CHILD_DEATH_REVIEW && r.childDeath() != null)
                .filter(r -> r.childDeath().recorded())
                .filter(r -> c.year().contains(ReviewDays.opened(r))
                        && !ReviewDays.opened(r).isAfter(c.asAt()))
                .map(Review::childDeath)
                .toList();
    }

    private static <K> Figure figure(
            String id,
            String caption,
            String rowHeading,
            List<ChildDeath> deaths,
            List<K> keys,
            Function<ChildDeath, K> key,
            Function<K, String> code,
            Function<K, String> label) {
        List<Integer> parts = keys.stream()
                .map(k -> (int)
                        deaths.stream().filter(d -> key.apply(d).equals(k)).count())
                .toList();
        List<Count> counts = SmallCounts.breakdown(parts);
        List<Figure.Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new Figure.Row(code.apply(keys.get(i)), label.apply(keys.get(i)), List.of(counts.get(i)), false));
        }
        rows.add(new Figure.Row("TOTAL", "All deaths", List.of(counts.get(keys.size())), true));
        return new Figure(
                id, caption, rowHeading, COLUMNS, rows, new Figure.Chart(Figure.Kind.BAR, "Deaths", List.of(0)));
    }
}
