package org.lscb.reviews.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** The NHS number's modulus 11 check digit: a mistyped digit must not decide that two children are one. */
class NhsNumberTest {

    @ParameterizedTest
    @CsvSource({
        "9434765919, 9434765919",
        "943 476 5919, 9434765919",
        "4010232137, 4010232137",
        // 11 less a remainder of 0 is 11, which counts as a check digit of 0
        "9876543210, 9876543210",
        "4505577104, 4505577104"
    })
    void validNumbers_areAcceptedAsTenDigits(String given, String digits) {
        assertThat(NhsNumber.check(given, "nhsNumber")).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "4010232138", "9876543211"})
    void wrongCheckDigit_isRefusedNamingTheField(String given) {
        assertRefused(given, "check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567891", "1234567899"})
    void firstNineDigitsWhoseRemainderGivesTen_areNeverIssued(String given) {
        assertRefused(given, "no number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591A", "943-476-5919", "９４３４７６５９１９", "+434765919", "94347659.9"})
    void nonDigits_areRefused(String given) {
        assertRefused(given, "ten digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659199", "1", "00000000000000000000"})
    void wrongLength_isRefused(String given) {
        assertRefused(given, "ten digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missing_isRefused(String given) {
        assertRefused(given, "required");
    }

    private static void assertRefused(String given, String saying) {
        assertThatThrownBy(() -> NhsNumber.check(given, "nhsNumber"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("nhsNumber"))
                .hasMessageContaining(saying);
    }
}
