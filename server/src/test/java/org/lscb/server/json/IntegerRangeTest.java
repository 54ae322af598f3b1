package org.lscb.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

class IntegerRangeTest {

    private static final IntegerRange INT = IntegerRange.of(Integer.class).orElseThrow();
    private static final IntegerRange LONG = IntegerRange.of(long.class).orElseThrow();

    /** 4294967301 and -4294967291 wrap to 5 in 32 bits; 2.5 truncates to 2: each would be bound as another value. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "4294967301",
                "-4294967291",
                "2.5",
                "-0.5",
                "2.0000001",
                "25e-1",
                "1e-1",
                "2147483648",
                "-2147483649",
                "1e10",
                "1e999999999",
                "1e-999999999",
                "99999999999999999999"
            })
    void aNumberAnIntCannotHoldExactly_isRefusedNamingTheField(String json) {
        assertThatThrownBy(() -> INT.check(number(json), "childDeath.ageAtDeathYears"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("childDeath.ageAtDeathYears"))
                .hasMessageContaining("must be a whole number from -2147483648 to 2147483647");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0", "5", "-5", "2147483647", "-2147483648", "2.0", "2e0", "200e-2", "2E+1", "0.0", "-0", "1.5e1"
            })
    void aWholeNumberWithinAnIntsRange_isAccepted_howeverItIsSpelt(String json) {
        assertThat(number(json).bigDecimalValue().intValueExact())
                .as("the test's own premise")
                .isNotNull();

        assertThatCode(() -> INT.check(number(json), "n")).doesNotThrowAnyException();
    }

    @Test
    void aLong_takesItsWholeRange_andNothingBeyondIt() {
        assertThatCode(() -> LONG.check(number("9223372036854775807"), "n")).doesNotThrowAnyException();
        assertThatCode(() -> LONG.check(number("-9223372036854775808"), "n")).doesNotThrowAnyException();
        assertThatCode(() -> LONG.check(number("4294967301"), "n")).doesNotThrowAnyException();

        assertThatThrownBy(() -> LONG.check(number("9223372036854775808"), "n"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LONG.check(number("-9223372036854775809"), "n"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LONG.check(number("1.5"), "n")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void shortsAndBytes_takeTheirOwnRanges() {
        assertThatCode(() -> IntegerRange.of(short.class).orElseThrow().check(number("32767"), "n"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IntegerRange.of(Short.class).orElseThrow().check(number("32768"), "n"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> IntegerRange.of(byte.class).orElseThrow().check(number("-129"), "n"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void everyIntegerType_hasARange_andNoOtherTypeHasOne() {
        for (Class<?> t : new Class<?>[] {
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class
        }) {
            assertThat(IntegerRange.of(t)).as(t.getName()).isPresent();
        }
        for (Class<?> t : new Class<?>[] {
            String.class,
            double.class,
            Double.class,
            float.class,
            BigDecimal.class,
            Number.class,
            Object.class,
            boolean.class
        }) {
            assertThat(IntegerRange.of(t)).as(t.getName()).isEmpty();
        }
        assertThat(IntegerRange.of(BigInteger.class))
                .as("no request field is one; JsonShape's length cap is its only bound")
                .isEmpty();
    }

    private static JsonNumber number(String json) {
        return Json.createReader(new StringReader("[" + json + "]")).readArray().getJsonNumber(0);
    }
}
