package org.lscb.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.lscb.reviews.statistics.ChildDeathReturn;

/**
 * The share of the deaths reviewed in the year in which the panel identified modifiable factors, identified none,
 * or had too little information to judge: its determination whether each death was preventable [27], reported to
 * the board [28]. One bar, its parts the three judgements. Counts as the annual return counts them
 * ({@link ReviewedDeaths}).
 */
final class ModifiableFactorsSection implements ReportSection {

    @Override
    public Section build(ReportContext c) {
        ChildDeathReturn r = ReviewedDeaths.of(c);
        List<String> columns = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        for (ChildDeathReturn.Row row : ReviewedDeaths.table(r, ChildDeathReturn.MODIFIABLE)) {
            columns.add(row.label());
            counts.add(ReviewedDeaths.count(row));
        }
        List<Integer> charted = IntStream.range(0, columns.size()).boxed().toList();
        columns.add("All reviewed");
        counts.add(ReviewedDeaths.total(r));
        Figure figure = new Figure(
                "deaths-reviewed-modifiable",
                "Deaths reviewed by modifiable factors",
                "Deaths",
                columns,
                List.of(new Figure.Row(
                        "REVIEWED", "Deaths reviewed in " + c.year().label(), counts, false)),
                new Figure.Chart(Figure.Kind.STACKED_BAR, "Deaths", charted));
        return new Section(
                "modifiable",
                "Modifiable factors",
                List.of(
                        ReviewedDeaths.NOTE,
                        "Modifiable factors are those which, by nationally or locally achievable interventions,"
                                + " could be modified to reduce the risk of future child deaths; the panel judges"
                                + " this for each death apart from its scores in each domain.",
                        ChildDeathsNotified.SUPPRESSION_NOTE),
                List.of(figure));
    }
}
