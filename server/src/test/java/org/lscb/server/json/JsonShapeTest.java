package org.lscb.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lscb.foundation.value.InvalidValueException;

/** The check of a body against its record before binding: every integer-typed field, wherever it sits, takes exact values only. */
class JsonShapeTest {

    record Inner(Integer count, long total) {}

    record Body(
            Integer age,
            int days,
            Long big,
            long small,
            List<Integer> scores,
            Inner inner,
            List<Inner> inners,
            Map<String, Integer> tally,
            Double ratio,
            String name) {}

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an Integer wrapping to 5          | {\"age\":4294967301}                      | age",
                "an int wrapping to 5 from below   | {\"days\":-4294967291}                    | days",
                "an int with a fraction            | {\"days\":2.5}                            | days",
                "a Long with a fraction            | {\"big\":1.25}                            | big",
                "a long beyond its range           | {\"small\":9223372036854775808}           | small",
                "a list element                    | {\"scores\":[1,4294967301]}               | scores[1]",
                "a nested record's Integer         | {\"inner\":{\"count\":0.5}}               | inner.count",
                "a nested record's long            | {\"inner\":{\"total\":1e19}}              | inner.total",
                "a record in a list                | {\"inners\":[{\"count\":1},{\"count\":-2147483649}]} | inners[1].count",
                "a map's value                     | {\"tally\":{\"a\":1,\"b\":7.5}}           | tally.b",
            })
    void aNumberAnIntegerFieldCannotHoldExactly_isRefusedNamingIt(String what, String json, String field) {
        assertThatThrownBy(() -> JsonShape.check(parse(json), Body.class, ""))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "whole numbers at the edges | {\"age\":2147483647,\"days\":-2147483648,\"big\":9223372036854775807,\"small\":-9223372036854775808}",
                "whole numbers spelt 2.0    | {\"age\":2.0,\"days\":2e0,\"scores\":[3.00],\"inner\":{\"count\":10e-1,\"total\":1E+3}}",
                "a fraction where a Double belongs | {\"ratio\":2.5}",
                "nulls                      | {\"age\":null,\"inner\":null}",
            })
    void exactValues_andFractionsForFloatingPointFields_areAccepted(String what, String json) {
        assertThatCode(() -> JsonShape.check(parse(json), Body.class, "")).doesNotThrowAnyException();
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
