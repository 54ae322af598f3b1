package org.lscb.server.report;

import java.util.Arrays;
import java.util.List;

/**
 * One figure of a report's table: a count, or no count when it is suppressed ({@link SmallCounts}). A
 * suppressed count carries no number anywhere, in the JSON, the page or the PDF, so it cannot be read back.
 */
public record Count(Integer value, boolean suppressed) {

    /** How a suppressed count is shown: "[c]", the Government Statistical Service's mark for confidential. */
    public static final String SUPPRESSED_MARK = "[c]";

    public Count {
        if (suppressed && value != null) {
            throw new IllegalArgumentException("a suppressed count carries no number");
        }
        if (!suppressed && value == null) {
            throw new IllegalArgumentException("a count that is not suppressed has a number");
        }
    }

    public static Count of(int value) {
        return new Count(value, false);
    }

    /** Each of {@code counts} as it is, for figures that are not about children's deaths. */
    public static List<Count> all(int[] counts) {
        return Arrays.stream(counts).mapToObj(Count::of).toList();
    }

    public static Count hidden() {
        return new Count(null, true);
    }

    /** The count as a table shows it. */
    public String text() {
        return suppressed ? SUPPRESSED_MARK : String.valueOf(value);
    }
}
