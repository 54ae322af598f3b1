package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Telephone numbers must not be published in a review's report [11]. */
class PhoneNumberDetectorTest {

    private final PhoneNumberDetector detector = new PhoneNumberDetector();

    @Test
    void findsUkNumbersAsPeopleWriteThem() {
        assertThat(detector.find("call 0191 123 4567 today")).hasSize(1);
        assertThat(detector.find("mobile 07700 900123")).hasSize(1);
        assertThat(detector.find("on +44 7700 900123")).hasSize(1);
        assertThat(detector.find("on +44 (0)20 7946 0000")).hasSize(1);
        assertThat(detector.find("(020) 7946-0000")).hasSize(1);
    }

    @Test
    void yearsReferencesAndNhsNumbersAreNotPhoneNumbers() {
        assertThat(detector.find("Between 2010 and 2014, 012 referrals")).isEmpty();
        assertThat(detector.find("NHS number 943 476 5919")).isEmpty();
        assertThat(detector.find("case 0191-12")).isEmpty();
        assertThat(detector.find("serial 019112345671234")).isEmpty();
    }
}
