package org.lscb.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.statistics.SmallCountSuppression;

/**
 * Small counts of child deaths are suppressed as official statistics suppress them [20, 28], by the annual return's
 * rule ({@link org.lscb.reviews.statistics.SmallCountSuppression}), so the report and the return cannot be
 * differenced.
 */
class SmallCountsTest {

    @Test
    void countsOfOneAndTwo_areTooSmallToShow_20_28() {
        assertThat(SmallCountSuppression.withheldAlone(1)).isTrue();
        assertThat(SmallCountSuppression.withheldAlone(2)).isTrue();
    }

    @Test
    void zeroAndThreeOrMore_areShown_20_28() {
        assertThat(SmallCountSuppression.withheldAlone(0)).isFalse();
        assertThat(SmallCountSuppression.withheldAlone(3)).isFalse();
        assertThat(SmallCountSuppression.withheldAlone(40)).isFalse();
        assertThat(ChildDeathsNotified.total(deaths(0))).isEqualTo(Count.of(0));
        assertThat(ChildDeathsNotified.total(deaths(3))).isEqualTo(Count.of(3));
    }

    @Test
    void aYearsDeathsOfOneOrTwo_carryNoNumber_20_28() {
        assertThat(ChildDeathsNotified.total(deaths(2))).isEqualTo(Count.hidden());
        assertThat(ChildDeathsNotified.total(deaths(2)).value()).isNull();
        assertThat(ChildDeathsNotified.total(deaths(1)).text()).isEqualTo("[c]");
    }

    /** {@code n} deaths alike (unexpected, at home, aged 16), so that no breakdown splits them. */
    private static List<ChildDeath> deaths(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> Reviews.childDeath(LocalDate.of(2025, 5, 1 + i), 16, true, true)
                        .childDeath())
                .toList();
    }

    @Test
    void aBreakdownWithNoSmallCount_isShownWhole_20_28() {
        assertThat(SmallCounts.breakdown(List.of(3, 0, 5)))
                .containsExactly(Count.of(3), Count.of(0), Count.of(5), Count.of(8));
    }

    @Test
    void oneSmallPartBesideAShownTotal_hidesTheNextSmallestPartToo_20_28() {
        // 1 + 4 + 9 = 14: hiding only the 1 would leave it as 14 - 4 - 9
        assertThat(SmallCounts.breakdown(List.of(1, 9, 4)))
                .containsExactly(Count.hidden(), Count.of(9), Count.hidden(), Count.of(14));
    }

    @Test
    void oneSmallPartWithOnlyZerosBeside_hidesTheTotal_20_28() {
        // 0 + 2 + 0: the total is the small part itself
        assertThat(SmallCounts.breakdown(List.of(0, 2, 0)))
                .containsExactly(Count.of(0), Count.hidden(), Count.of(0), Count.hidden());
    }

    @Test
    void aTotalOfOneOrTwo_isHidden_withEveryPart_20_28() {
        assertThat(SmallCounts.breakdown(List.of(1, 1)))
                .containsExactly(Count.hidden(), Count.hidden(), Count.hidden());
    }

    @Test
    void twoSmallPartsWhoseSumTheTotalReveals_hideAThird_20_28() {
        // 1 + 2 + 5 = 8: with only the 1 and the 2 hidden, 8 - 5 = 3 says both are 1 or 2
        assertThat(SmallCounts.breakdown(List.of(1, 2, 5)))
                .containsExactly(Count.hidden(), Count.hidden(), Count.hidden(), Count.of(8));
        // 1 + 1 + 7 + 9 = 18: two hidden 1s add up to 2, so the 7 is hidden too
        assertThat(SmallCounts.breakdown(List.of(1, 1, 7, 9)))
                .containsExactly(Count.hidden(), Count.hidden(), Count.hidden(), Count.of(9), Count.of(18));
    }

    @Test
    void breakdownsOfTheSameDeaths_areWithheldWhole_whenOneCannotBeProtected_20_28() {
        // 3 deaths: 3 and 0 alone would be shown, but 2 and 1 cannot be protected and share its total
        assertThat(SmallCounts.breakdowns(List.of(List.of(3, 0), List.of(2, 1))))
                .containsExactly(
                        List.of(Count.hidden(), Count.of(0), Count.hidden()),
                        List.of(Count.hidden(), Count.hidden(), Count.hidden()));
    }

    @Test
    void breakdownsThatCanAllBeProtected_showTheirTotal_20_28() {
        assertThat(SmallCounts.breakdowns(List.of(List.of(3, 1), List.of(4, 0))))
                .containsExactly(
                        List.of(Count.hidden(), Count.hidden(), Count.of(4)),
                        List.of(Count.of(4), Count.of(0), Count.of(4)));
    }

    @Test
    void shownCounts_areAllShown_forFiguresNotAboutChildren() {
        assertThat(SmallCounts.shown(List.of(1, 2))).containsExactly(Count.of(1), Count.of(2), Count.of(3));
    }
}
