package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** Which deaths a child death review covers [27]. */
class ChildDeathTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17})
    void childUnderEighteen_isAccepted(int age) {
        assertThat(new ChildDeath(age, false, false, false, false, false, false).ageAtDeathYears())
                .isEqualTo(age);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 30})
    void personAgedEighteenOrOver_isRefused(int age) {
        assertRefused(age, false, false, "childDeath.ageAtDeathYears");
    }

    @Test
    void negativeAge_isRefused() {
        assertRefused(-1, false, false, "childDeath.ageAtDeathYears");
    }

    @Test
    void missingAge_isRefused() {
        assertRefused(null, false, false, "childDeath.ageAtDeathYears");
    }

    @Test
    void stillbirth_isRefused() {
        assertRefused(0, true, false, "childDeath.stillbirth");
    }

    @Test
    void lawfulTermination_isRefused() {
        assertRefused(0, false, true, "childDeath.lawfulTermination");
    }

    @Test
    void circumstancesOfTheDeath_areKept() {
        ChildDeath d = new ChildDeath(4, false, false, true, false, true, true);

        assertThat(d.recorded()).isTrue();
        assertThat(d.unexpected()).isTrue();
        assertThat(d.atHome()).isFalse();
        assertThat(d.abroad()).isTrue();
        assertThat(d.inCustody()).isTrue();
    }

    @Test
    void emptyRecord_isNotRecordedAndHasNoCircumstances() {
        ChildDeath d = new ChildDeath();

        assertThat(d.recorded()).isFalse();
        assertThat(d.unexpected()).isFalse();
        assertThat(d.atHome()).isFalse();
    }

    @Test
    void unexpectedNotSaid_countsAsUnexpected_ifInDoubt() {
        // Appendix 1: "If in doubt, the processes for unexpected child deaths should be followed"
        assertThat(ChildDeath.unexpectedUnlessSaid(null)).isTrue();
        assertThat(ChildDeath.unexpectedUnlessSaid(true)).isTrue();
        assertThat(ChildDeath.unexpectedUnlessSaid(false)).isFalse();
    }

    private static void assertRefused(Integer age, boolean stillbirth, boolean termination, String field) {
        assertThatThrownBy(() -> new ChildDeath(age, stillbirth, termination, true, true, false, false))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
