package org.lscb.server.report;

import java.util.List;
import org.lscb.reviews.statistics.ChildDeathReturn;
import org.lscb.reviews.statistics.ChildDeathStatistics;

/**
 * The child deaths the panel reviewed in the report's year, counted and suppressed exactly as the board's annual
 * return counts them ({@link ChildDeathReturn}): child death reviews signed off in the year with the panel's analysis
 * [27, 28]. The report's sections on reviewed deaths read their counts from this return, so the report and the
 * return never publish the same deaths differently.
 */
final class ReviewedDeaths {

    private ReviewedDeaths() {}

    /** The year's return of the reviews the board leads. */
    static ChildDeathReturn of(ReportContext c) {
        return ChildDeathReturn.of(ChildDeathStatistics.of(c.year(), c.reviews()));
    }

    /** The return's rows of one table, in its order. */
    static List<ChildDeathReturn.Row> table(ChildDeathReturn r, String table) {
        return r.rows().stream().filter(row -> row.table().equals(table)).toList();
    }

    /** The deaths reviewed in the year, as the return's total shows it. */
    static Count total(ChildDeathReturn r) {
        return count(table(r, ChildDeathReturn.TOTAL).get(0));
    }

    /** A row's published count as a report's count. */
    static Count count(ChildDeathReturn.Row row) {
        return SmallCounts.count(row.count());
    }

    static final String NOTE = "A death counts here in the year the panel signed off its review (1 April to"
            + " 31 March), with its category and modifiable factors from the panel's analysis; these are the"
            + " counts of the board's annual return of child deaths for the year.";
}
