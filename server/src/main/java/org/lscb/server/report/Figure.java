package org.lscb.server.report;

import java.util.List;

/**
 * One table of a report, and the chart drawn from it: rows of counts under named columns. The table is the
 * chart's text alternative, so both show the same counts; a suppressed count is left out of the chart.
 *
 * @param id       unique within the report, for anchors and tests ({@code reviews-by-type})
 * @param caption  the table's caption and the chart's title
 * @param rowHeading what the rows are ("Type of review")
 * @param columns  the columns' headings, in the order of each row's counts
 * @param rows     the rows; one marked {@code total} is shown in the table but not charted
 * @param chart    how to chart it, or null for a table alone
 */
public record Figure(String id, String caption, String rowHeading, List<String> columns, List<Row> rows, Chart chart) {

    public Figure {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.counts().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.label() + " has "
                        + r.counts().size() + " counts for " + columns.size() + " columns");
            }
        }
    }

    /** One row: its code (an enum name or a year), its label and its counts. */
    public record Row(String code, String label, List<Count> counts, boolean total) {
        public Row {
            counts = List.copyOf(counts);
        }
    }

    /**
     * How the figure is charted: the rows are the categories along the axis, the listed columns the series.
     *
     * @param columns indexes of the columns charted (a "Total" column usually is not)
     */
    public record Chart(Kind kind, String valueAxis, List<Integer> columns) {
        public Chart {
            columns = List.copyOf(columns);
        }
    }

    public enum Kind {
        /** Bars side by side for each row. */
        BAR,
        /** One bar per row, its columns stacked: parts of a whole, such as a clock's outcomes. */
        STACKED_BAR,
        /** A line across the rows, such as a count over the years. */
        LINE
    }
}
