package org.lscb.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** Times with their offset from request text ({@link Dates#optionalInstant}, {@link Dates#requiredInstant}). */
class DatesTest {

    @Test
    void aTimeWithItsOffset_isThatInstant() {
        assertThat(Dates.requiredInstant("2026-07-01T03:10:00+01:00", "visitedAt"))
                .isEqualTo(Instant.parse("2026-07-01T02:10:00Z"));
        assertThat(Dates.optionalInstant(" 2026-01-31T09:00:00Z ", "decidedAt"))
                .isEqualTo(Instant.parse("2026-01-31T09:00:00Z"));
    }

    /** A time without its offset is ambiguous across the change of the clocks; one far off is a typing slip. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-31T09:00:00",
                "2026-01-31",
                "31/01/2026 09:00",
                "1899-12-31T23:00:00Z",
                "2201-01-01T00:00:00Z"
            })
    void anythingElse_isRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> Dates.optionalInstant(text, "visitedAt"))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("visitedAt");
    }

    @Test
    void aTimeNotGiven_isNull_unlessItIsRequired() {
        assertThat(Dates.optionalInstant(" ", "decidedAt")).isNull();
        assertThat(Dates.optionalInstant(null, "decidedAt")).isNull();
        assertThatThrownBy(() -> Dates.requiredInstant(null, "visitedAt"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is required");
    }
}
