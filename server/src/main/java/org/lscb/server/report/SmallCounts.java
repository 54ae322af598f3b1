package org.lscb.server.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule that keeps a child identifiable by nobody from the CDOP's published figures: a count of 1 or 2
 * is not shown, as the DfE's official child death review statistics suppress them. The board supplies
 * anonymised information on child deaths [20], and the CDOP's annual report of aggregated findings informs the
 * board's published annual report [28], so its figures are treated as official statistics treat theirs: in an
 * area the size of one board, a death counted alone or with one other can be recognised by those who knew
 * the child.
 *
 * <p>Suppressing one count of a breakdown whose total is shown is not enough: the total less the others gives
 * it back. So when exactly one part of a breakdown is suppressed, the smallest other non-zero part is
 * suppressed too (secondary suppression), or the total when there is no such part. A zero is shown: no child
 * is identified by a count of none.
 */
public final class SmallCounts {

    /** The largest count that is suppressed; 1 to this many are shown as {@link Count#SUPPRESSED_MARK}. */
    public static final int LARGEST_SUPPRESSED = 2;

    private SmallCounts() {}

    /** Whether a count on its own is too small to show: 1 or 2 [20, 28]. */
    public static boolean tooSmall(int count) {
        return count >= 1 && count <= LARGEST_SUPPRESSED;
    }

    /** A count shown alone (no total beside it), suppressed when too small. */
    public static Count alone(int count) {
        return tooSmall(count) ? Count.hidden() : Count.of(count);
    }

    /**
     * The parts of a breakdown followed by its total, suppressed so that no suppressed part can be worked out
     * from the others and the total.
     */
    public static List<Count> breakdown(List<Integer> parts) {
        int total = parts.stream().mapToInt(Integer::intValue).sum();
        boolean[] hide = new boolean[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            hide[i] = tooSmall(parts.get(i));
        }
        hide[parts.size()] = tooSmall(total);
        long hiddenParts = IntStream.range(0, parts.size()).filter(i -> hide[i]).count();
        if (hiddenParts == 1 && !hide[parts.size()]) {
            IntStream.range(0, parts.size())
                    .filter(i -> !hide[i] && parts.get(i) > 0)
                    .boxed()
                    .min(Comparator.comparing(parts::get))
                    .ifPresentOrElse(i -> hide[i] = true, () -> hide[parts.size()] = true);
        }
        List<Count> out = new ArrayList<>();
        for (int i = 0; i <= parts.size(); i++) {
            int value = i < parts.size() ? parts.get(i) : total;
            out.add(hide[i] ? Count.hidden() : Count.of(value));
        }
        return List.copyOf(out);
    }

    /** Every count as it is, for a report whose figures are not about children's deaths. */
    public static List<Count> shown(List<Integer> parts) {
        List<Count> out = new ArrayList<>(parts.stream().map(Count::of).toList());
        out.add(Count.of(parts.stream().mapToInt(Integer::intValue).sum()));
        return List.copyOf(out);
    }
}
