package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NHS numbers must not be published in a review's report [11]; only a number whose check digit is right is one. */
class NhsNumberDetectorTest {

    private final NhsNumberDetector detector = new NhsNumberDetector();

    @Test
    void findsAValidNhsNumberAsPrintedOrRunTogether() {
        assertThat(detector.find("NHS no 943 476 5919 on file")).hasSize(1);
        assertThat(detector.find("nhs:9434765919.")).hasSize(1);
        assertThat(detector.find("943-476-5919")).hasSize(1);
    }

    @Test
    void tenDigitsWithAWrongCheckDigitAreNotAnNhsNumber() {
        assertThat(detector.find("Reference 943 476 5918")).isEmpty();
    }

    @Test
    void digitsInsideALongerNumberAreNotFound() {
        assertThat(detector.find("account 19434765919")).isEmpty();
        assertThat(detector.find("case 9434765919-2")).isEmpty();
    }
}
