package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.report.Reviews.childDeath;
import static org.lscb.server.report.Reviews.decided;
import static org.lscb.server.report.Reviews.met;
import static org.lscb.server.report.Reviews.scr;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.Review;
import org.lscb.reviews.ScrDecisionKind;

/**
 * The board's annual report [11, 19] from a set of reviews whose clocks are known, read for the year to 31 March
 * 2026 on 1 June 2026 (so as at 31 March 2026).
 */
class BoardReportFiguresTest {

    /** Commissioned, told late, completed on time; the national panel and rapid review never done. */
    private final Review completed = met(
            met(
                    decided(scr(of(2025, 4, 28), of(2025, 5, 1)), ScrDecisionKind.COMMISSION_SCR, of(2025, 5, 20)),
                    ClockKind.DECISION_REPORTED,
                    of(2025, 6, 10)),
            ClockKind.SCR_COMPLETION,
            of(2025, 11, 1));

    /** Closed with no review in late March: telling Ofsted is not yet due on 31 March. */
    private final Review closed =
            decided(scr(of(2026, 3, 20), of(2026, 3, 20)), ScrDecisionKind.NO_REVIEW, of(2026, 3, 25));

    /** Notified on 1 April 2026: the next year's. */
    private final Review nextYear = scr(of(2026, 4, 1), of(2026, 4, 1));

    /** Notified on 31 March 2025, the last day of the year before, and still awaiting the decision. */
    private final Review lastYear = scr(of(2025, 3, 31), of(2025, 3, 31));

    /** An unexpected death at home: registrar's information and home visit on time, coroner's report overdue. */
    private final Review death = met(
            met(childDeath(of(2025, 6, 11), 0, true, true), ClockKind.REGISTRAR_INFORMATION, of(2025, 6, 13)),
            ClockKind.HOME_VISIT,
            of(2025, 6, 10));

    private Section build(ReportSection section) {
        return section.build(Reviews.context(2026, completed, closed, nextYear, lastYear, death));
    }

    @Test
    void reviewsByTypeAndOutcome_countEachReviewByTheDaysOfItsYear_11_19() {
        Map<String, List<Count>> rows =
                rows(build(new ReviewsByTypeAndOutcome()).figures().get(0));

        // opened, completed, closed with no review, in progress on 31 March 2026
        assertThat(rows.get("SERIOUS_CASE_REVIEW")).containsExactly(Count.of(2), Count.of(1), Count.of(1), Count.of(1));
        assertThat(rows.get("CHILD_DEATH_REVIEW")).containsExactly(Count.of(1), Count.of(0), Count.of(0), Count.of(1));
        assertThat(rows.get("MANAGEMENT_REVIEW")).containsExactly(Count.of(0), Count.of(0), Count.of(0), Count.of(0));
        assertThat(rows.get("TOTAL")).containsExactly(Count.of(3), Count.of(1), Count.of(1), Count.of(2));
    }

    @Test
    void theYearBefore_countsTheReviewNotifiedOn31March_andNotTheOneOf1April_11() {
        Map<String, List<Count>> rows = rows(new ReviewsByTypeAndOutcome()
                .build(Reviews.context(2025, lastYear, nextYear))
                .figures()
                .get(0));

        assertThat(rows.get("SERIOUS_CASE_REVIEW").get(0)).isEqualTo(Count.of(1));
    }

    @Test
    void timeliness_countsEachClockStartedInTheYear_asItStoodOn31March_11() {
        Map<String, List<Count>> rows = rows(build(new ClockTimelinessSection(TimelinessScope.ALL_REVIEWS))
                .figures()
                .get(0));

        // met on time, met late, overdue, running, started in the year
        assertThat(rows.get("SCR_DECISION"))
                .containsExactly(Count.of(2), Count.of(0), Count.of(0), Count.of(0), Count.of(2));
        assertThat(rows.get("DECISION_REPORTED"))
                .containsExactly(Count.of(0), Count.of(1), Count.of(0), Count.of(1), Count.of(2));
        assertThat(rows.get("SCR_COMPLETION"))
                .containsExactly(Count.of(1), Count.of(0), Count.of(0), Count.of(0), Count.of(1));
        assertThat(rows.get("NATIONAL_PANEL_NOTIFICATION"))
                .containsExactly(Count.of(0), Count.of(0), Count.of(2), Count.of(0), Count.of(2));
        assertThat(rows.get("RAPID_REVIEW"))
                .containsExactly(Count.of(0), Count.of(0), Count.of(1), Count.of(1), Count.of(2));
        assertThat(rows.get("HOME_VISIT"))
                .containsExactly(Count.of(1), Count.of(0), Count.of(0), Count.of(0), Count.of(1));
        assertThat(rows.get("CORONER_JOINT_REPORT"))
                .containsExactly(Count.of(0), Count.of(0), Count.of(1), Count.of(0), Count.of(1));
        assertThat(rows.get("REGISTRAR_INFORMATION"))
                .containsExactly(Count.of(1), Count.of(0), Count.of(0), Count.of(0), Count.of(1));
    }

    static Map<String, List<Count>> rows(Figure f) {
        return f.rows().stream().collect(Collectors.toMap(Figure.Row::code, Figure.Row::counts));
    }
}
