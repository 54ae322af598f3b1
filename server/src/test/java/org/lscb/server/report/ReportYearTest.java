package org.lscb.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** The reporting year asked for: the year to 31 March it ends in [20, 28]. */
class ReportYearTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "abc", "1999", "2101", "20266", "-2026", "2026.0", "２０２６"})
    void anythingButAYearFrom2000To2100_isRefusedNamingTheField(String year) {
        assertThatThrownBy(() -> ReportService.year(year))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("year");
    }

    @Test
    void aYear_endsOn31MarchOfThatYear_28() {
        assertThat(ReportService.year("2026").firstDay()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
        assertThat(ReportService.year("2026").lastDay()).isEqualTo(java.time.LocalDate.of(2026, 3, 31));
        assertThat(ReportService.year("2000").endsIn()).isEqualTo(2000);
        assertThat(ReportService.year("2100").endsIn()).isEqualTo(2100);
    }
}
