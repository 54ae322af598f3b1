package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Postcodes must not be published in a review's report [11]. */
class PostcodeDetectorTest {

    private final PostcodeDetector detector = new PostcodeDetector();

    private String found(String text) {
        return Detected.first(detector, text);
    }

    @Test
    void findsAPostcodeWithOrWithoutItsSpaceAndInAnyCase() {
        assertThat(found("The family moved to NE1 4ST in March.")).isEqualTo("NE1 4ST");
        assertThat(found("lived at SW1A1AA then")).isEqualTo("SW1A1AA");
        assertThat(found("address: w1a 0ax.")).isEqualTo("w1a 0ax");
        assertThat(found("(B33 8TH)")).isEqualTo("B33 8TH");
    }

    @Test
    void aProductCodeShapedLikeAPostcodeIsNotFound() {
        // labelled as a product, joined to a part number, or with an area that is not a UK postcode area
        assertThat(found("The cot was model TN10 3DS, since recalled.")).isNull();
        assertThat(found("Part no. GU12 4XY was fitted.")).isNull();
        assertThat(found("Replacement KT-EX12 3AB-7 ordered")).isNull();
        assertThat(found("Fitted unit XJ22 0AB.")).isNull();
    }

    @Test
    void inwardLettersThatRoyalMailNeverUsesAreNotAPostcode() {
        assertThat(found("Ref NE1 4CI")).isNull();
        assertThat(found("the NE1 4MV unit")).isNull();
    }

    @Test
    void wordsAndNumbersOfAReportAreNotFound() {
        assertThat(found("In 2012 the M25 and A1 were closed; 14 of 20 agencies replied."))
                .isNull();
    }
}
