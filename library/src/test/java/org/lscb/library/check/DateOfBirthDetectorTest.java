package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A child's date of birth must not be published in a review's report [11]; dates of events may be. */
class DateOfBirthDetectorTest {

    private final DateOfBirthDetector detector = new DateOfBirthDetector();

    private String found(String text) {
        return Detected.first(detector, text);
    }

    @Test
    void findsADateInABirthContext() {
        assertThat(found("Child A was born on 3 March 2012 in hospital.")).isEqualTo("3 March 2012");
        assertThat(found("DOB: 03/03/2012")).isEqualTo("03/03/2012");
        assertThat(found("D.O.B. 2012-03-03")).isEqualTo("2012-03-03");
        assertThat(found("Her date of birth is March 3rd, 2012.")).isEqualTo("March 3rd, 2012");
        assertThat(found("his birthday, 14th of July")).isEqualTo("14th of July");
    }

    @Test
    void aDateWithoutABirthContextIsPartOfTheChronology() {
        assertThat(found("A strategy meeting was held on 3 March 2012.")).isNull();
    }

    @Test
    void aYearOfBirthAloneOrADateInTheNextSentenceIsNotFound() {
        assertThat(found("Child A was born in 2012.")).isNull();
        assertThat(found("Child A was born prematurely. On 3 March 2012 the family moved."))
                .isNull();
        assertThat(found("The newborn unit reviewed on 3 March 2012.")).isNull();
    }
}
