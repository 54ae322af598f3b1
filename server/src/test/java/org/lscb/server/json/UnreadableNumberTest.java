package org.lscb.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnreadableNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an exponent past any BigDecimal | {\"a\":1,\"childDeath\":{\"unexpected\":true,\"ageAtDeathYears\":1e9999999999}} | childDeath.ageAtDeathYears",
                "in a list                       | {\"a\":[1,2,{\"b\":[0,-1E-9999999999]}]}                                     | a[2].b[1]",
                "too many digits                 | {\"n\":123456789012345678901}                                                | n",
                "a top-level list                | [0,1e9999999999]                                                             | [1]",
                "none at all                     | {\"n\":1}                                                                    | body",
                "broken before any               | {\"n\":,1e9999999999}                                                         | body",
            })
    void theFirstNumberNoFieldCanTake_isNamed(String what, String json, String field) {
        assertThat(UnreadableNumber.field(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(field);
    }
}
