package org.lscb.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lscb.server.web.component.Fieldset;

class DateAnswerTest {

    @Test
    void blank_hasNoDate_andMustBeEntered() {
        DateAnswer a = new DateAnswer("", null, " ");

        assertThat(a.blank()).isTrue();
        assertThat(a.date()).isEmpty();
        assertThat(a.problem("the date the pause starts")).isEqualTo("Enter the date the pause starts");
        assertThat(a.problemIfGiven("the expiry date")).isNull();
    }

    @Test
    void realDate_isRead_withNoProblem() {
        DateAnswer a = new DateAnswer("6", "01", "2026");

        assertThat(a.date()).contains(LocalDate.of(2026, 1, 6));
        assertThat(a.problem("the due date")).isNull();
        assertThat(a.problemIfGiven("the due date")).isNull();
    }

    @Test
    void thirtyFirstOfFebruary_isNotARealDate() {
        DateAnswer a = new DateAnswer("31", "2", "2026");

        assertThat(a.date()).isEmpty();
        assertThat(a.problem("the date of the decision")).isEqualTo("The date of the decision must be a real date");
        assertThat(a.problemIfGiven("the expiry date")).isEqualTo("The expiry date must be a real date");
    }

    @Test
    void twoDigitYear_isNotARealDate() {
        assertThat(new DateAnswer("6", "1", "26").date()).isEmpty();
        assertThat(new DateAnswer("6", "1", "26").problem("the due date"))
                .isEqualTo("The due date must be a real date");
    }

    @Test
    void nonDigits_areNotARealDate() {
        assertThat(new DateAnswer("6a", "1", "2026").date()).isEmpty();
        assertThat(new DateAnswer("6", "Jan", "2026").date()).isEmpty();
        assertThat(new DateAnswer("+6", "1", "2026").date()).isEmpty();
        assertThat(new DateAnswer("-6", "1", "2026").date()).isEmpty();
        assertThat(new DateAnswer("6", "1", "２０２６").date()).isEmpty();
    }

    @Test
    void surroundingWhitespace_isIgnored_butNotWhitespaceWithin() {
        DateAnswer a = new DateAnswer(" 6 ", "\t1", "2026\n");

        assertThat(a).isEqualTo(new DateAnswer("6", "1", "2026"));
        assertThat(a.date()).contains(LocalDate.of(2026, 1, 6));
        assertThat(new DateAnswer("6", "1", "20 26").date()).isEmpty();
    }

    @Test
    void of_showsTheDateAsTyped_andNothingForNull() {
        assertThat(DateAnswer.of(LocalDate.of(2026, 1, 6))).isEqualTo(new DateAnswer("6", "1", "2026"));
        assertThat(DateAnswer.of(null).blank()).isTrue();
    }

    @Test
    void input_showsTheAnswerAsTyped() {
        var input = new DateAnswer("31", "2", "2026").input("on", Fieldset.Legend.of("When?"), null);

        assertThat(input.items())
                .extracting(i -> i.name() + "=" + i.value())
                .containsExactly("day=31", "month=2", "year=2026");
    }
}
