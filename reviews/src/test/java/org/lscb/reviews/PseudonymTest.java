package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** What a review may call the child: a pseudonym that cannot carry a date, a number or a postcode. */
class PseudonymTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Child A",
                "Baby N",
                "Sibling 2",
                "Child AB",
                "Young Person D",
                "Child O'Neill-B",
                "Plentyn Ŵ",
                "Child 12"
            })
    void shortPseudonym_isAccepted(String pseudonym) {
        assertThat(Pseudonym.check(pseudonym)).isEqualTo(pseudonym);
    }

    @Test
    void surroundingSpaces_areStripped() {
        assertThat(Pseudonym.check("  Child A  ")).isEqualTo("Child A");
    }

    @Test
    void fortyCharacters_isAccepted() {
        String forty = "Child " + "A".repeat(34);

        assertThat(Pseudonym.check(forty)).hasSize(40);
    }

    @Test
    void fortyOneCharacters_isRefused() {
        assertRefused("Child " + "A".repeat(35));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"12-03-2014", "Child 12-03-2014", "Child 12/03/14", "Child 12.3.14", "Child 2014", "Baby 2014 A"
            })
    void somethingLikeADate_isRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Child 9434765919", "Child 943 476 5919", "Child 943-476-5919", "Child 07700 900123"})
    void somethingLikeAnNhsOrPhoneNumber_isRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "Child M1 1AE", "Child sw1a1aa", "Baby B33 8TH", "Child CR2 6XH lives"})
    void somethingLikeAPostcode_isRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Child\u0000A", "Child\tA", "Child\nA", "Child\u202eA", "Child <A>", "Child@A", "Child_A"})
    void controlOrSymbolCharacters_areRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "12", "-", "'"})
    void emptyOrLetterlessPseudonym_isRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Child 12 03 14", "Baby 01 01 20", "Child 94 34 76 59 19"})
    void dateOrNumberWrittenInSpacedPairs_isRefused(String pseudonym) {
        assertRefused(pseudonym);
    }

    private static void assertRefused(String pseudonym) {
        assertThatThrownBy(() -> Pseudonym.check(pseudonym))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("pseudonym"));
    }
}
