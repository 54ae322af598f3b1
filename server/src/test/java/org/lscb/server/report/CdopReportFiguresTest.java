package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.report.BoardReportFiguresTest.rows;
import static org.lscb.server.report.Reviews.childDeath;
import static org.lscb.server.report.Reviews.infantDeath;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.Review;

/** The CDOP's annual report to the board [27, 28]: deaths in the year, by kind, place and age, and the trend. */
class CdopReportFiguresTest {

    private final Review[] deaths = {
        // the year to 31 March 2026: four unexpected at home in the first week, three expected in hospital aged 16
        infantDeath(of(2025, 4, 1), 5),
        infantDeath(of(2025, 8, 1), 5),
        infantDeath(of(2025, 12, 1), 5),
        infantDeath(of(2026, 3, 31), 5),
        childDeath(of(2025, 5, 1), 16, false, false),
        childDeath(of(2025, 6, 1), 16, false, false),
        childDeath(of(2025, 7, 1), 16, false, false),
        // the year before: one
        childDeath(of(2025, 3, 31), 7, false, false),
        // the next year: counted in no figure of 2026
        childDeath(of(2026, 4, 1), 3, true, false),
    };

    private Section section(ReportSection s) {
        return s.build(Reviews.context(2026, deaths));
    }

    private Figure figure(Section s, String id) {
        return s.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void deathsNotifiedInTheYear_runFrom1AprilTo31March_28() {
        Map<String, List<Count>> expected = rows(figure(section(new ChildDeathsNotified()), "deaths-expected"));

        assertThat(expected.get("UNEXPECTED")).containsExactly(Count.of(4));
        assertThat(expected.get("EXPECTED")).containsExactly(Count.of(3));
        assertThat(expected.get("TOTAL")).containsExactly(Count.of(7));
    }

    @Test
    void deathsByPlaceAndAge_followTheStatisticsBands_27_28() {
        Section s = section(new ChildDeathsNotified());
        Map<String, List<Count>> place = rows(figure(s, "deaths-by-place"));
        Map<String, List<Count>> age = rows(figure(s, "deaths-by-age"));

        assertThat(place.get("AT_HOME")).containsExactly(Count.of(4));
        assertThat(place.get("ELSEWHERE")).containsExactly(Count.of(3));
        assertThat(place.get("ABROAD")).containsExactly(Count.of(0));
        assertThat(age.get("UNDER_28_DAYS")).containsExactly(Count.of(4));
        assertThat(age.get("YEARS_15_TO_17")).containsExactly(Count.of(3));
        assertThat(age.get("YEARS_5_TO_9")).containsExactly(Count.of(0));
    }

    @Test
    void theFirstYear_isSplitByTheNeonatalAnswer_asTheReturnSplitsIt_28() {
        Figure ageFigure = figure(
                new ChildDeathsNotified()
                        .build(Reviews.context(
                                2026,
                                infantDeath(of(2025, 5, 1), 0),
                                infantDeath(of(2025, 5, 2), 27),
                                infantDeath(of(2025, 5, 3), 10),
                                infantDeath(of(2025, 5, 4), 28),
                                infantDeath(of(2025, 5, 5), 364),
                                infantDeath(of(2025, 5, 6), 100),
                                infantDeath(of(2025, 5, 7), null),
                                infantDeath(of(2025, 5, 8), null),
                                infantDeath(of(2025, 5, 9), null))),
                "deaths-by-age");
        Map<String, List<Count>> age = rows(ageFigure);

        assertThat(ageFigure.rows())
                .extracting(Figure.Row::code)
                .containsExactly(
                        "UNDER_28_DAYS",
                        "DAYS_28_TO_364",
                        "UNDER_1_YEAR_DAYS_NOT_RECORDED",
                        "YEARS_1_TO_4",
                        "YEARS_5_TO_9",
                        "YEARS_10_TO_14",
                        "YEARS_15_TO_17",
                        "TOTAL");
        assertThat(age.get("UNDER_28_DAYS")).containsExactly(Count.of(3));
        assertThat(age.get("DAYS_28_TO_364")).containsExactly(Count.of(3));
        assertThat(age.get("UNDER_1_YEAR_DAYS_NOT_RECORDED")).containsExactly(Count.of(3));
        assertThat(age.get("TOTAL")).containsExactly(Count.of(9));
    }

    @Test
    void aBreakdownThatCannotBeProtected_withholdsTheSectionsOtherBreakdownsToo_20_28() {
        // 3 deaths: 2 at home and 1 elsewhere cannot be protected; the other breakdowns would give their total away
        Section s = new ChildDeathsNotified()
                .build(Reviews.context(
                        2026,
                        childDeath(of(2025, 5, 1), 16, true, true),
                        childDeath(of(2025, 5, 2), 16, true, true),
                        childDeath(of(2025, 5, 3), 16, true, false)));

        assertThat(rows(figure(s, "deaths-expected")).get("UNEXPECTED")).containsExactly(Count.hidden());
        assertThat(rows(figure(s, "deaths-by-age")).get("YEARS_15_TO_17")).containsExactly(Count.hidden());
        assertThat(rows(figure(s, "deaths-by-age")).get("YEARS_5_TO_9")).containsExactly(Count.of(0));
        assertThat(s.figures()).allSatisfy(f -> assertThat(rows(f).get("TOTAL")).containsExactly(Count.hidden()));
    }

    @Test
    void aYearWithFewDeaths_suppressesThemAndTheirNeighbour_20_28() {
        Map<String, List<Count>> expected = rows(figure(
                new ChildDeathsNotified().build(Reviews.context(2026, deaths[0], deaths[1], deaths[2], deaths[4])),
                "deaths-expected"));

        assertThat(expected.get("EXPECTED")).containsExactly(Count.hidden());
        assertThat(expected.get("UNEXPECTED")).containsExactly(Count.hidden());
        assertThat(expected.get("TOTAL")).containsExactly(Count.of(4));
    }

    @Test
    void theTrend_runsOverEveryYearHeld_upToTheReportsYear_withSmallYearsSuppressed_28() {
        Figure trend = section(new ChildDeathTrend()).figures().get(0);

        assertThat(trend.rows()).extracting(Figure.Row::code).containsExactly("2025", "2026");
        assertThat(rows(trend).get("2025")).containsExactly(Count.hidden());
        assertThat(rows(trend).get("2026")).containsExactly(Count.of(7));
        assertThat(trend.chart().kind()).isEqualTo(Figure.Kind.LINE);
    }

    @Test
    void theTrend_withholdsAYearsTotal_whereTheDeathsSectionWithholdsIt_20_28() {
        // 3 deaths: 2 at home and 1 elsewhere cannot be protected, so the section withholds their total; the
        // trend's 3 beside it would give away the 3 unexpected deaths aged 16 that its breakdowns hide
        ReportContext year = Reviews.context(
                2026,
                childDeath(of(2025, 5, 1), 16, true, true),
                childDeath(of(2025, 5, 2), 16, true, true),
                childDeath(of(2025, 5, 3), 16, true, false));

        Figure trend = new ChildDeathTrend().build(year).figures().get(0);
        Section notified = new ChildDeathsNotified().build(year);

        assertThat(rows(figure(notified, "deaths-expected")).get("TOTAL")).containsExactly(Count.hidden());
        assertThat(rows(trend).get("2026")).containsExactly(Count.hidden());
    }

    @Test
    void theNotifiedDeathsBesideTheReviewed_areTheDeathsSectionsTotal_20_28() {
        ReportContext year = Reviews.context(
                2026,
                childDeath(of(2025, 5, 1), 16, true, true),
                childDeath(of(2025, 5, 2), 16, true, true),
                childDeath(of(2025, 5, 3), 16, true, false));

        Figure beside = figure(new DeathsReviewedByCategory().build(year), "deaths-notified-and-reviewed");

        assertThat(rows(beside).get("NOTIFIED")).containsExactly(Count.hidden());
        assertThat(rows(figure(section(new DeathsReviewedByCategory()), "deaths-notified-and-reviewed"))
                        .get("NOTIFIED"))
                .containsExactly(Count.of(7));
    }
}
