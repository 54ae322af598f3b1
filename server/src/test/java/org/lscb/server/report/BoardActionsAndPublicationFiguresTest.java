package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.report.BoardReportFiguresTest.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.library.AgeBand;
import org.lscb.library.PublishedReport;
import org.lscb.library.ReportFormat;
import org.lscb.library.Theme;
import org.lscb.reviews.Review;
import org.lscb.reviews.action.ActionStateRule;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;

/**
 * The board's annual report's improvement actions [9, 11, 19] and published reports [11], for the year to
 * 31 March 2026 read on 1 June 2026 (so as at 31 March 2026).
 */
class BoardActionsAndPublicationFiguresTest {

    private final Review scr = Reviews.scr(of(2025, 4, 28), of(2025, 5, 1));

    @Test
    void actions_countInTheYearTheyAreDue_byStatus_overdueWhenStillOwedAfterTheirDueDay_9_11_19() {
        List<ImprovementAction> actions = List.of(
                action(of(2025, 9, 30), ActionStatus.DONE), // done: never overdue
                action(of(2025, 10, 31), ActionStatus.NOT_STARTED), // overdue on 31 March
                action(of(2026, 3, 1), ActionStatus.IN_PROGRESS), // overdue on 31 March
                action(of(2026, 3, 31), ActionStatus.IN_PROGRESS), // due on the day: not yet overdue
                action(of(2026, 1, 15), ActionStatus.NOT_DONE), // given up, with its reason: not overdue
                action(of(2025, 3, 31), ActionStatus.NOT_STARTED), // the year before's
                action(of(2026, 4, 1), ActionStatus.NOT_STARTED)); // the next year's

        Section s = ActionsByStatus.of(Reviews.context(2026), actions);
        Map<String, List<Count>> rows = rows(s.figures().get(0));

        // due in the year, overdue on 31 March 2026
        assertThat(rows.get("NOT_STARTED")).containsExactly(Count.of(1), Count.of(1));
        assertThat(rows.get("IN_PROGRESS")).containsExactly(Count.of(2), Count.of(1));
        assertThat(rows.get("DONE")).containsExactly(Count.of(1), Count.of(0));
        assertThat(rows.get("NOT_DONE")).containsExactly(Count.of(1), Count.of(0));
        assertThat(rows.get("TOTAL")).containsExactly(Count.of(5), Count.of(2));
        assertThat(s.figures().get(0).chart().kind()).isEqualTo(Figure.Kind.BAR);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("31 March 2026"));
    }

    @Test
    void actions_whileTheYearRuns_areOverdueOnlyOnceTheirDueDayHasPassedByToday_19() {
        // the year to 31 March 2027, read on 1 June 2026
        List<ImprovementAction> actions = List.of(
                action(of(2026, 5, 31), ActionStatus.NOT_STARTED), action(of(2026, 6, 1), ActionStatus.IN_PROGRESS));

        Map<String, List<Count>> rows = rows(
                ActionsByStatus.of(Reviews.context(2027), actions).figures().get(0));

        assertThat(rows.get("NOT_STARTED")).containsExactly(Count.of(1), Count.of(1));
        assertThat(rows.get("IN_PROGRESS")).containsExactly(Count.of(1), Count.of(0));
    }

    @Test
    void reports_countInTheYearOfPublication_withdrawnApart_themesOfThoseStillInTheLibrary_11() {
        PublishedReport neglect =
                report(Instant.parse("2025-06-01T10:00:00Z"), 2025, EnumSet.of(Theme.NEGLECT, Theme.DOMESTIC_ABUSE));
        PublishedReport alsoNeglect = report(Instant.parse("2026-03-31T22:30:00Z"), 2026, EnumSet.of(Theme.NEGLECT));
        // published at 00:30 on 1 April in England: the next year's, though still 31 March in UTC
        PublishedReport nextYear = report(Instant.parse("2026-03-31T23:30:00Z"), 2026, EnumSet.of(Theme.SUDI));
        PublishedReport withdrawn = report(Instant.parse("2025-05-01T09:00:00Z"), 2025, EnumSet.of(Theme.ADOLESCENTS));
        withdrawn.withdraw(Instant.parse("2025-12-01T09:00:00Z"), "officer", "A name was found in it");
        // withdrawn after the year ended: in the library on 31 March
        PublishedReport withdrawnLater =
                report(Instant.parse("2025-08-01T09:00:00Z"), 2025, EnumSet.of(Theme.ONLINE_ABUSE));
        withdrawnLater.withdraw(Instant.parse("2026-05-01T09:00:00Z"), "officer", "Superseded");
        // published the year before, whatever year the officer gave it
        PublishedReport yearBefore = report(Instant.parse("2025-03-01T09:00:00Z"), 2026, EnumSet.of(Theme.NEGLECT));

        Section s = ReportsPublished.of(
                Reviews.context(2026), List.of(neglect, alsoNeglect, nextYear, withdrawn, withdrawnLater, yearBefore));

        Map<String, List<Count>> published = rows(s.figures().get(0));
        assertThat(published.get("IN_LIBRARY")).containsExactly(Count.of(3));
        assertThat(published.get("WITHDRAWN")).containsExactly(Count.of(1));
        assertThat(published.get("TOTAL")).containsExactly(Count.of(4));
        Figure themes = s.figures().get(1);
        assertThat(themes.rows())
                .extracting(Figure.Row::code)
                .containsExactly("NEGLECT", "DOMESTIC_ABUSE", "ONLINE_ABUSE");
        assertThat(rows(themes).get("NEGLECT")).containsExactly(Count.of(2));
        assertThat(rows(themes).get("DOMESTIC_ABUSE")).containsExactly(Count.of(1));
        assertThat(themes.chart().kind()).isEqualTo(Figure.Kind.BAR);
    }

    @Test
    void aYearWithNoReport_saysSo_andDrawsNoThemeChart_11() {
        Section s = ReportsPublished.of(Reviews.context(2026), List.of());

        assertThat(rows(s.figures().get(0)).get("TOTAL")).containsExactly(Count.of(0));
        assertThat(s.figures().get(1).rows()).isEmpty();
        assertThat(s.figures().get(1).chart()).isNull();
        assertThat(s.notes()).contains("No report was published in the year.");
    }

    private ImprovementAction action(LocalDate due, ActionStatus status) {
        ImprovementAction a = new ImprovementAction(
                scr,
                new ImprovementAction.Plan("Share what is known", Reviews.AGENCY, "Share it weekly", due),
                Set.of(Reviews.AGENCY),
                "officer",
                Reviews.NOW,
                Reviews.TODAY);
        switch (status) {
            case NOT_STARTED -> {}
            case IN_PROGRESS -> progress(a, status, null, null);
            case DONE -> progress(a, status, null, "Audited in May: every case shared");
            case NOT_DONE -> progress(a, status, "The service was closed", null);
        }
        return a;
    }

    private static void progress(ImprovementAction a, ActionStatus status, String reason, String note) {
        a.report(
                new ImprovementAction.Progress(status, reason, null, note),
                ActionStateRule.Mover.BOARD,
                "officer",
                Reviews.NOW);
    }

    private PublishedReport report(Instant at, int year, Set<Theme> themes) {
        PublishedReport.StoredFile file = new PublishedReport.StoredFile("k", ReportFormat.PDF, 10);
        return new PublishedReport(
                scr.id(),
                Reviews.BOARD,
                "A review",
                themes,
                AgeBand.values()[0],
                year,
                file,
                file,
                "t",
                at,
                "officer",
                null);
    }
}
