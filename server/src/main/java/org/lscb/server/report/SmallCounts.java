package org.lscb.server.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lscb.reviews.statistics.SmallCountSuppression;

/**
 * The reports' counts of children's deaths, suppressed by the one rule the annual return also applies
 * ({@link SmallCountSuppression}), so that the same deaths published in the CDOP report and in the return cannot
 * be differenced to recover a small count. The board supplies anonymised information on child deaths [20], and the
 * CDOP's annual report of aggregated findings informs the board's published annual report [28], so its figures are
 * treated as official statistics treat theirs: in an area the size of one board, a death counted alone or with one
 * other can be recognised by those who knew the child. This class only turns the rule's published cells into a
 * report's {@link Count}s.
 */
public final class SmallCounts {

    private SmallCounts() {}

    /**
     * The parts of a breakdown followed by its total, suppressed so that no suppressed part can be worked out
     * from the others and the total [20, 28].
     */
    public static List<Count> breakdown(List<Integer> parts) {
        return breakdowns(List.of(parts)).get(0);
    }

    /**
     * Breakdowns of the same deaths (their parts add up to one total), each followed by that total: every one is
     * withheld whole when any one cannot be protected, since the others would give the shared total away [20, 28].
     */
    public static List<List<Count>> breakdowns(List<List<Integer>> breakdowns) {
        List<SmallCountSuppression.Table> tables = new ArrayList<>();
        for (List<Integer> parts : breakdowns) {
            Map<Integer, Integer> cells = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                cells.put(i, parts.get(i));
            }
            tables.add(SmallCountSuppression.table(cells, String::valueOf));
        }
        List<SmallCountSuppression.Table> published = SmallCountSuppression.tables(tables);
        List<List<Count>> out = new ArrayList<>();
        for (int t = 0; t < breakdowns.size(); t++) {
            int total = breakdowns.get(t).stream().mapToInt(Integer::intValue).sum();
            List<Count> counts = new ArrayList<>(published.get(t).cells().values().stream()
                    .map(SmallCounts::count)
                    .toList());
            counts.add(SmallCountSuppression.totalWithheld(tables, total) ? Count.hidden() : Count.of(total));
            out.add(List.copyOf(counts));
        }
        return List.copyOf(out);
    }

    /** A cell as the rule publishes it ({@code c} or a number), as a report's count. */
    static Count count(String published) {
        return published.equals(SmallCountSuppression.SUPPRESSED)
                ? Count.hidden()
                : Count.of(Integer.parseInt(published));
    }

    /** Every count as it is, for a report whose figures are not about children's deaths. */
    public static List<Count> shown(List<Integer> parts) {
        List<Count> out = new ArrayList<>(parts.stream().map(Count::of).toList());
        out.add(Count.of(parts.stream().mapToInt(Integer::intValue).sum()));
        return List.copyOf(out);
    }
}
