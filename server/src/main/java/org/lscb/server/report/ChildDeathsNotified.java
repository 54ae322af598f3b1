package org.lscb.server.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.statistics.AgeBand;

/**
 * The child deaths notified to the board in the year: expected and unexpected, by place of death and by age
 * band, as the CDOP reports its aggregated findings to the board [27, 28]. Every count is subject to
 * {@link SmallCounts}. A death counts in the year of its notification ({@link ReviewDays#opened}).
 */
final class ChildDeathsNotified implements ReportSection {

    static final String SUPPRESSION_NOTE = Count.SUPPRESSED_MARK
            + " marks a count not shown so that no child can be identified, by the rule of the annual return"
            + " (where it is shown as c): counts of 1 or 2 are hidden, then further counts of a table, smallest"
            + " first, until at least two are hidden and none could be worked out from the total and the others"
            + " as 1 or 2; where a table cannot be protected so, every non-zero count of the section's tables"
            + " and their total are hidden.";

    static final List<String> COLUMNS = List.of("Deaths");

    /** A figure of one column of deaths, charted as {@code kind}. */
    static Figure deaths(String id, String caption, String rowHeading, List<Figure.Row> rows, Figure.Kind kind) {
        return new Figure(id, caption, rowHeading, COLUMNS, rows, new Figure.Chart(kind, "Deaths", List.of(0)));
    }

    @Override
    public Section build(ReportContext c) {
        List<ChildDeath> deaths = notifiedIn(c.year(), c.asAt(), c.reviews());
        List<Breakdown<?>> breakdowns = breakdowns(deaths);
        List<List<Count>> counts = suppressed(breakdowns);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < breakdowns.size(); i++) {
            figures.add(breakdowns.get(i).figure(counts.get(i)));
        }
        return new Section(
                "deaths",
                "Child deaths notified in " + c.year().label(),
                List.of(
                        "Counts the deaths of children normally resident in the area that were notified to the board"
                                + " in the year (1 April to 31 March).",
                        "A death not said to be expected counts as unexpected, as the rapid response treats it.",
                        "The first year is split as the DfE's statistics split it: under 28 days (neonatal) and 28 to"
                                + " 364 days, from the notification's neonatal answer; a first-year death without"
                                + " that answer is counted apart, not guessed.",
                        SUPPRESSION_NOTE),
                figures);
    }

    /**
     * The total of {@code deaths} as this section shows it: withheld, with the breakdowns, when one of them cannot
     * be protected. Wherever else the report gives the year's notified deaths it gives this, so that no figure
     * shows a total the section withholds.
     */
    static Count total(List<ChildDeath> deaths) {
        List<Count> first = suppressed(breakdowns(deaths)).get(0);
        return first.get(first.size() - 1);
    }

    /** The deaths notified in {@code year} and by {@code asAt}, of those recorded among {@code reviews}. */
    static List<ChildDeath> notifiedIn(ReportingYear year, LocalDate asAt, List<Review> reviews) {
        return reviews.stream()
                .filter(ChildDeathsNotified::counted)
                .filter(r -> year.contains(ReviewDays.opened(r))
                        && !ReviewDays.opened(r).isAfter(asAt))
                .map(Review::childDeath)
                .toList();
    }

    /** Whether a review is a death this section counts: a child death review with the death recorded. */
    static boolean counted(Review r) {
        return r.type() == ReviewType.CHILD_DEATH_REVIEW
                && r.childDeath() != null
                && r.childDeath().recorded();
    }

    private static List<Breakdown<?>> breakdowns(List<ChildDeath> deaths) {
        return List.of(
                breakdown(
                        "deaths-expected",
                        "Expected and unexpected deaths",
                        "Death",
                        deaths,
                        List.of(false, true),
                        d -> d.unexpected(),
                        u -> u ? "UNEXPECTED" : "EXPECTED",
                        u -> u ? "Unexpected" : "Expected"),
                breakdown(
                        "deaths-by-place",
                        "Deaths by place of death",
                        "Place of death",
                        deaths,
                        List.of(PlaceOfDeath.values()),
                        PlaceOfDeath::of,
                        PlaceOfDeath::name,
                        PlaceOfDeath::label),
                breakdown(
                        "deaths-by-age",
                        "Deaths by age",
                        "Age at death",
                        deaths,
                        List.of(AgeBand.values()),
                        AgeBand::of,
                        AgeBand::name,
                        AgeBand::label));
    }

    /** Each breakdown's counts followed by their total, suppressed together ({@link SmallCounts#breakdowns}). */
    private static List<List<Count>> suppressed(List<Breakdown<?>> breakdowns) {
        return SmallCounts.breakdowns(breakdowns.stream().map(Breakdown::parts).toList());
    }

    /** One breakdown of the deaths: its keys in order, and how many deaths fall under each. */
    private record Breakdown<K>(
            String id,
            String caption,
            String rowHeading,
            List<K> keys,
            List<Integer> parts,
            Function<K, String> code,
            Function<K, String> label) {

        Figure figure(List<Count> counts) {
            List<Figure.Row> rows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                rows.add(new Figure.Row(
                        code.apply(keys.get(i)), label.apply(keys.get(i)), List.of(counts.get(i)), false));
            }
            rows.add(new Figure.Row("TOTAL", "All deaths", List.of(counts.get(keys.size())), true));
            return deaths(id, caption, rowHeading, rows, Figure.Kind.BAR);
        }
    }

    private static <K> Breakdown<K> breakdown(
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
        return new Breakdown<>(id, caption, rowHeading, keys, parts, code, label);
    }
}
