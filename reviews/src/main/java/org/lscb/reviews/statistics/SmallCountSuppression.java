package org.lscb.reviews.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Suppression of small counts in a published table, as official statistics do so that no child can be recognised
 * from a count [28]. Primary: a count of 1 or 2 is shown as {@code c} (the Government Statistical Service's symbol
 * for a value withheld as confidential); a zero is shown. Secondary: a table's cells add up to the total, which is
 * shown, so the hidden cells' sum is known; more cells are hidden, smallest first, until at least two are hidden and
 * none of them could be worked out as 1 or 2 (the hidden sum less one for each other hidden cell is 3 or more). A
 * table that cannot be protected so ({@link Table#protectedFully} false: too few deaths) is withheld whole by
 * {@link ChildDeathReturn}, with its total, since any other table's cells would give the total away.
 */
public final class SmallCountSuppression {

    /** The symbol for a withheld count. */
    public static final String SUPPRESSED = "c";

    /** Counts from 1 to this are withheld. */
    public static final int SMALLEST_SHOWN = 3;

    public static final String RULE = "Counts of 1 or 2 are shown as c; zeros are shown. Within each table further"
            + " counts, smallest first, are shown as c until at least two are withheld and none could be worked out"
            + " from the total and the other counts as 1 or 2; where that cannot be done in any table, every non-zero"
            + " count and the total are shown as c.";

    /** A table as published: each cell's count, or {@code c}, in the order given, and whether the rule could protect it. */
    public record Table(Map<String, String> cells, boolean protectedFully) {

        /**
         * This table with every non-zero count withheld: how a table is published when it, or another table
         * sharing its total, could not be protected [28].
         */
        public Table withheldWhole() {
            Map<String, String> out = new LinkedHashMap<>();
            cells.forEach((k, v) -> out.put(k, v.equals("0") ? v : SUPPRESSED));
            return new Table(out, true);
        }
    }

    private SmallCountSuppression() {}

    /** Suppresses one table whose cells add up to a shown total. */
    public static <K> Table table(Map<K, Integer> counts, Function<K, String> key) {
        List<K> hidden = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n > 0 && n < SMALLEST_SHOWN) {
                hidden.add(k);
            }
        });
        boolean protectable = true;
        if (!hidden.isEmpty()) {
            List<K> candidates = counts.keySet().stream()
                    .filter(k -> counts.get(k) > 0 && !hidden.contains(k))
                    .sorted(Comparator.comparing(counts::get))
                    .toList();
            int next = 0;
            while (!safe(hidden, counts) && next < candidates.size()) {
                hidden.add(candidates.get(next++));
            }
            protectable = safe(hidden, counts);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        counts.forEach((k, n) -> cells.put(key.apply(k), hidden.contains(k) ? SUPPRESSED : Integer.toString(n)));
        return new Table(cells, protectable);
    }

    /**
     * Tables that share one total (each a breakdown of the same deaths), as published: each suppressed by
     * {@link #table}, and all of them withheld whole when any one cannot be protected, since the others would give
     * the shared total away [28]. The shared total is withheld too then, unless it is zero ({@link #totalWithheld}).
     */
    public static List<Table> tables(List<Table> tables) {
        if (tables.stream().allMatch(Table::protectedFully)) {
            return List.copyOf(tables);
        }
        return tables.stream().map(Table::withheldWhole).toList();
    }

    /** Whether the total shared by {@code tables} is withheld: some table could not be protected, and it is not 0. */
    public static boolean totalWithheld(List<Table> tables, int total) {
        return total > 0 && tables.stream().anyMatch(t -> !t.protectedFully());
    }

    /** Whether a count published alone, with no total or other count beside it, is withheld: 1 or 2 [28]. */
    public static boolean withheldAlone(int count) {
        return count > 0 && count < SMALLEST_SHOWN;
    }

    private static <K> boolean safe(List<K> hidden, Map<K, Integer> counts) {
        int sum = hidden.stream().mapToInt(counts::get).sum();
        return hidden.size() >= 2 && sum - (hidden.size() - 1) >= SMALLEST_SHOWN;
    }
}
