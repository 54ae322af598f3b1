package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.reviews.clock.Span;

/** The configured spans of the statutory clocks, as people write them. */
class ClockSpansTest {

    @Test
    void defaults_areTheSpansOfDomainMd() {
        ClockSpans spans = ClockSpans.defaults();

        for (ClockKind k : ClockKind.values()) {
            assertThat(spans.of(k)).as(k.name()).contains(k.defaultSpan());
        }
        assertThat(spans.of(ClockKind.SCR_DECISION)).contains(Span.months(1));
        assertThat(spans.of(ClockKind.DECISION_REPORTED)).contains(Span.workingDays(5));
        assertThat(spans.of(ClockKind.SCR_COMPLETION)).contains(Span.months(6));
        assertThat(spans.of(ClockKind.REGISTRAR_INFORMATION)).contains(Span.days(7));
        assertThat(spans.of(ClockKind.CORONER_JOINT_REPORT)).contains(Span.days(28));
        assertThat(spans.of(ClockKind.HOME_VISIT)).contains(Span.hours(24));
        assertThat(spans.of(ClockKind.NATIONAL_PANEL_NOTIFICATION)).contains(Span.workingDays(5));
        assertThat(spans.of(ClockKind.RAPID_REVIEW)).contains(Span.workingDays(15));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 month          | 1  | MONTHS",
                "6 months         | 6  | MONTHS",
                "28 days          | 28 | DAYS",
                "1 day            | 1  | DAYS",
                "5 working days   | 5  | WORKING_DAYS",
                "1 working day    | 1  | WORKING_DAYS",
                "6 MONTHS         | 6  | MONTHS",
                "15 Working Days  | 15 | WORKING_DAYS",
                "'  3  days  '    | 3  | DAYS"
            })
    void spanWrittenAsPeopleSayIt_isRead(String text, int amount, Span.Unit unit) {
        ClockSpans spans = ClockSpans.from(k -> k == ClockKind.SCR_COMPLETION ? Optional.of(text) : Optional.empty());

        assertThat(spans.of(ClockKind.SCR_COMPLETION)).contains(new Span(amount, unit));
    }

    @Test
    void configuringOneClock_leavesTheOthersAtTheirDefaults() {
        ClockSpans spans =
                ClockSpans.from(k -> k == ClockKind.CORONER_JOINT_REPORT ? Optional.of("21 days") : Optional.empty());

        assertThat(spans.of(ClockKind.CORONER_JOINT_REPORT)).contains(Span.days(21));
        Arrays.stream(ClockKind.values())
                .filter(k -> k != ClockKind.CORONER_JOINT_REPORT)
                .forEach(k -> assertThat(spans.of(k)).as(k.name()).contains(k.defaultSpan()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", " Off "})
    void off_disablesTheClock(String text) {
        ClockSpans spans = ClockSpans.from(k -> k == ClockKind.RAPID_REVIEW ? Optional.of(text) : Optional.empty());

        assertThat(spans.of(ClockKind.RAPID_REVIEW)).isEmpty();
        assertThat(spans.of(ClockKind.SCR_DECISION)).contains(Span.months(1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 days",
                "0 working days",
                "P1M",
                "five days",
                "28",
                "days",
                "-1 days",
                "1.5 months",
                "28days",
                "10000 days",
                "1 week",
                "",
                "1 month and 2 days"
            })
    void unreadableSpan_stopsStartUpWithASentenceNamingTheSetting(String text) {
        assertThatThrownBy(() ->
                        ClockSpans.from(k -> k == ClockKind.SCR_COMPLETION ? Optional.of(text) : Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reviews.clock.scr-completion")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void everyClock_hasItsOwnConfigName() {
        assertThat(Arrays.stream(ClockKind.values()).map(ClockKind::configName))
                .doesNotHaveDuplicates()
                .contains("scr-decision", "rapid-review", "coroner-joint-report");
    }

    @Test
    void onlyScrCompletionAndCoronerJointReport_arePausable() {
        assertThat(Arrays.stream(ClockKind.values()).filter(ClockKind::pausable))
                .containsExactlyInAnyOrder(ClockKind.SCR_COMPLETION, ClockKind.CORONER_JOINT_REPORT);
    }

    @Test
    void visitDecision_takesHours_orDaysAsWhole24Hours_32() {
        assertThat(ClockSpans.from(k -> k == ClockKind.HOME_VISIT ? Optional.of("12 hours") : Optional.empty())
                        .of(ClockKind.HOME_VISIT))
                .contains(Span.hours(12));
        assertThat(ClockSpans.from(k -> k == ClockKind.HOME_VISIT ? Optional.of("1 day") : Optional.empty())
                        .of(ClockKind.HOME_VISIT)
                        .orElseThrow()
                        .duration())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void hours_areOnlyForAClockThatRunsFromATime_andMonthsNotForOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ClockSpans.from(k -> k == ClockKind.SCR_DECISION ? Optional.of("24 hours") : Optional.empty()))
                .hasMessageContaining("reviews.clock.scr-decision");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ClockSpans.from(k -> k == ClockKind.HOME_VISIT ? Optional.of("1 month") : Optional.empty()))
                .hasMessageContaining("reviews.clock.home-visit");
    }
}
