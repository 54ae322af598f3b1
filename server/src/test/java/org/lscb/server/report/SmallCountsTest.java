package org.lscb.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small counts of child deaths are suppressed as official statistics suppress them [20, 28], by the annual return's
 * rule ({@link org.lscb.reviews.statistics.SmallCountSuppression}), so the report and the return cannot be
 * differenced.
 */
class SmallCountsTest {

    @Test
    void countsOfOneAndTwo_areTooSmallToShow_20_28() {
        assertThat(SmallCounts.tooSmall(1)).isTrue();
        assertThat(SmallCounts.tooSmall(2)).isTrue();
    }

    @Test
    void zeroAndThreeOrMore_areShown_20_28() {
        assertThat(SmallCounts.tooSmall(0)).isFalse();
        assertThat(SmallCounts.tooSmall(3)).isFalse();
        assertThat(SmallCounts.tooSmall(40)).isFalse();
        assertThat(SmallCounts.alone(0)).isEqualTo(Count.of(0));
        assertThat(SmallCounts.alone(3)).isEqualTo(Count.of(3));
    }

    @Test
    void aCountAloneOfOneOrTwo_carriesNoNumber_20_28() {
        assertThat(SmallCounts.alone(2)).isEqualTo(Count.hidden());
        assertThat(SmallCounts.alone(2).value()).isNull();
        assertThat(SmallCounts.alone(1).text()).isEqualTo("[c]");
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
