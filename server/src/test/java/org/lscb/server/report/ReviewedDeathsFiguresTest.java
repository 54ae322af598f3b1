package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.report.BoardReportFiguresTest.rows;
import static org.lscb.server.report.Reviews.childDeath;
import static org.lscb.server.report.Reviews.signedOff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.statistics.ChildDeathReturn;
import org.lscb.reviews.statistics.ChildDeathStatistics;

/**
 * The CDOP report's deaths reviewed in the year, by category and by modifiable factors [27, 28]: counted from the
 * panel's analyses of reviews signed off in the year, exactly as the board's annual return counts them.
 */
class ReviewedDeathsFiguresTest {

    /** Ten reviews signed off in the year to 31 March 2026, one the year before, one after, one not signed off. */
    private final Review[] reviews = {
        signedOff(
                childDeath(of(2025, 1, 10), 16, true, false),
                DeathCategory.SUICIDE_OR_SELF_HARM,
                ModifiableFactors.IDENTIFIED,
                of(2025, 4, 1)),
        signedOff(
                childDeath(of(2025, 1, 11), 15, true, false),
                DeathCategory.SUICIDE_OR_SELF_HARM,
                ModifiableFactors.IDENTIFIED,
                of(2025, 6, 1)),
        signedOff(
                childDeath(of(2025, 1, 12), 14, true, false),
                DeathCategory.SUICIDE_OR_SELF_HARM,
                ModifiableFactors.IDENTIFIED,
                of(2025, 7, 1)),
        signedOff(
                childDeath(of(2025, 1, 13), 16, true, false),
                DeathCategory.SUICIDE_OR_SELF_HARM,
                ModifiableFactors.IDENTIFIED,
                of(2025, 8, 1)),
        signedOff(
                childDeath(of(2025, 2, 1), 6, false, false),
                DeathCategory.MALIGNANCY,
                ModifiableFactors.NONE_IDENTIFIED,
                of(2025, 9, 1)),
        signedOff(
                childDeath(of(2025, 2, 2), 8, false, false),
                DeathCategory.MALIGNANCY,
                ModifiableFactors.NONE_IDENTIFIED,
                of(2025, 10, 1)),
        signedOff(
                childDeath(of(2025, 2, 3), 9, false, false),
                DeathCategory.MALIGNANCY,
                ModifiableFactors.NONE_IDENTIFIED,
                of(2025, 11, 1)),
        signedOff(
                childDeath(of(2025, 2, 4), 3, false, false),
                DeathCategory.INFECTION,
                ModifiableFactors.INADEQUATE_INFORMATION,
                of(2025, 12, 1)),
        signedOff(
                childDeath(of(2025, 2, 5), 2, false, false),
                DeathCategory.INFECTION,
                ModifiableFactors.INADEQUATE_INFORMATION,
                of(2026, 1, 1)),
        signedOff(
                childDeath(of(2025, 2, 6), 4, false, false),
                DeathCategory.INFECTION,
                ModifiableFactors.INADEQUATE_INFORMATION,
                of(2026, 3, 31)),
        // signed off the day before the year began, and the day after it ended: not counted in 2026
        signedOff(
                childDeath(of(2025, 1, 1), 16, true, false),
                DeathCategory.INFECTION,
                ModifiableFactors.IDENTIFIED,
                of(2025, 3, 31)),
        signedOff(
                childDeath(of(2025, 1, 2), 16, true, false),
                DeathCategory.INFECTION,
                ModifiableFactors.IDENTIFIED,
                of(2026, 4, 1)),
        // notified in the year, not yet reviewed
        childDeath(of(2025, 5, 1), 16, true, true),
    };

    private Section section(ReportSection s, Review... rs) {
        return s.build(Reviews.context(2026, rs));
    }

    private static Figure figure(Section s, String id) {
        return s.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void deathsReviewedByCategory_countTheTenCategoriesOfReviewsSignedOffInTheYear_27_28() {
        Figure f = figure(section(new DeathsReviewedByCategory(), reviews), "deaths-reviewed-by-category");
        Map<String, List<Count>> byCode = rows(f);

        assertThat(f.rows())
                .extracting(Figure.Row::code)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "TOTAL");
        assertThat(byCode.get("2")).containsExactly(Count.of(4));
        assertThat(byCode.get("4")).containsExactly(Count.of(3));
        assertThat(byCode.get("9")).containsExactly(Count.of(3));
        assertThat(byCode.get("1")).containsExactly(Count.of(0));
        assertThat(byCode.get("TOTAL")).containsExactly(Count.of(10));
        assertThat(f.rows().get(1).label()).isEqualTo(DeathCategory.SUICIDE_OR_SELF_HARM.label());
        assertThat(f.chart().kind()).isEqualTo(Figure.Kind.BAR);
    }

    @Test
    void deathsReviewed_standBesideDeathsNotified_27_28() {
        // notified in the year: the last review only (the others were notified the year before)
        List<Review> rs = new ArrayList<>(List.of(reviews));
        rs.add(childDeath(of(2025, 5, 2), 16, true, true));
        rs.add(childDeath(of(2025, 5, 3), 16, true, true));
        Map<String, List<Count>> f = rows(figure(
                section(new DeathsReviewedByCategory(), rs.toArray(Review[]::new)), "deaths-notified-and-reviewed"));

        assertThat(f.get("NOTIFIED")).containsExactly(Count.of(3));
        assertThat(f.get("REVIEWED")).containsExactly(Count.of(10));
    }

    @Test
    void modifiableFactors_areTheShareOfDeathsReviewed_byThePanelsJudgement_27_28() {
        Figure f = figure(section(new ModifiableFactorsSection(), reviews), "deaths-reviewed-modifiable");

        assertThat(f.columns())
                .containsExactly(
                        "Modifiable factors identified",
                        "No modifiable factors identified",
                        "Inadequate information to judge",
                        "All reviewed");
        assertThat(f.rows())
                .singleElement()
                .satisfies(r ->
                        assertThat(r.counts()).containsExactly(Count.of(4), Count.of(3), Count.of(3), Count.of(10)));
        assertThat(f.chart().kind()).isEqualTo(Figure.Kind.STACKED_BAR);
        assertThat(f.chart().columns()).containsExactly(0, 1, 2);
    }

    @Test
    void theReportsReviewedDeaths_agreeWithTheAnnualReturn_countForCount_28() {
        Review[] few = {reviews[0], reviews[1], reviews[4], reviews[7], reviews[8], reviews[9]};
        Review[] tooFew = {reviews[0], reviews[1], reviews[4]};
        for (Review[] set : List.of(reviews, few, tooFew)) {
            ChildDeathReturn r = ChildDeathReturn.of(ChildDeathStatistics.of(new ReportingYear(2026), List.of(set)));
            Map<String, List<Count>> category =
                    rows(figure(section(new DeathsReviewedByCategory(), set), "deaths-reviewed-by-category"));
            List<Count> modifiable = figure(section(new ModifiableFactorsSection(), set), "deaths-reviewed-modifiable")
                    .rows()
                    .get(0)
                    .counts();
            int m = 0;
            for (ChildDeathReturn.Row row : r.rows()) {
                Count expected = row.count().equals("c") ? Count.hidden() : Count.of(Integer.parseInt(row.count()));
                switch (row.table()) {
                    case ChildDeathReturn.TOTAL -> {
                        assertThat(category.get("TOTAL")).containsExactly(expected);
                        assertThat(modifiable.get(3)).isEqualTo(expected);
                    }
                    case ChildDeathReturn.CATEGORY ->
                        assertThat(category.get(row.code())).containsExactly(expected);
                    case ChildDeathReturn.MODIFIABLE ->
                        assertThat(modifiable.get(m++)).isEqualTo(expected);
                    default -> {}
                }
            }
            assertThat(m).isEqualTo(3);
        }
    }

    @Test
    void aYearWithFewReviews_hidesTheSmallCategoriesAndTheNextSmallest_20_28() {
        // 2 suicides, 1 malignancy, 3 infections: the 2 and the 1 add up to 3, so the 3 is hidden too
        Review[] few = {reviews[0], reviews[1], reviews[4], reviews[7], reviews[8], reviews[9]};
        Map<String, List<Count>> category =
                rows(figure(section(new DeathsReviewedByCategory(), few), "deaths-reviewed-by-category"));

        assertThat(category.get("2")).containsExactly(Count.hidden());
        assertThat(category.get("4")).containsExactly(Count.hidden());
        assertThat(category.get("9")).containsExactly(Count.hidden());
        assertThat(category.get("TOTAL")).containsExactly(Count.of(6));
    }

    @Test
    void aYearWithFewReviews_isWithheldAsTheReturnWithholdsIt_20_28() {
        // 2 suicides and 1 malignancy: no hiding protects them, so every count and the total are withheld
        Review[] few = {reviews[0], reviews[1], reviews[4]};
        Map<String, List<Count>> category =
                rows(figure(section(new DeathsReviewedByCategory(), few), "deaths-reviewed-by-category"));

        assertThat(category.get("2")).containsExactly(Count.hidden());
        assertThat(category.get("4")).containsExactly(Count.hidden());
        assertThat(category.get("1")).containsExactly(Count.of(0));
        assertThat(category.get("TOTAL")).containsExactly(Count.hidden());
    }
}
