package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** The board's own reference for a review. */
class ReviewReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"NM-SCR-2026-03", "CDR/2026/017", "2026 SCR 4", "nm_cdr.11", "A"})
    void boardReference_isAccepted(String reference) {
        assertThat(ReviewReference.check(reference)).isEqualTo(reference);
    }

    @Test
    void surroundingSpaces_areStripped() {
        assertThat(ReviewReference.check("  NM-SCR-2026-03 ")).isEqualTo("NM-SCR-2026-03");
    }

    @Test
    void sixtyCharacters_isAcceptedAndSixtyOneRefused() {
        assertThat(ReviewReference.check("R".repeat(60))).hasSize(60);
        assertRefused("R".repeat(61));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-SCR-1", "/2026", ".hidden", "NM:SCR:1", "NM SCR <1>", "NM\u0000SCR", "NM\tSCR", "SCR#1"})
    void referenceWithAnUnsafeCharacterOrStart_isRefused(String reference) {
        assertRefused(reference);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void emptyReference_isRefused(String reference) {
        assertRefused(reference);
    }

    private static void assertRefused(String reference) {
        assertThatThrownBy(() -> ReviewReference.check(reference))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    }
}
