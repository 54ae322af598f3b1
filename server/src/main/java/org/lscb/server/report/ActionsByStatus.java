package org.lscb.server.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;

/**
 * The board's improvement actions by status, and how many are overdue: the board follows up the improvements its
 * reviews recommended [9, 19] and reports in its annual report what was done and what came of it [11, 19].
 *
 * <p>An action counts in the reporting year its due day falls in, so each action is counted once across the
 * years, as a clock is in the year it started. It is counted by its status when the report is produced: the
 * actions keep no history of their statuses, so an action done after the year ended counts as done. Overdue
 * counts the actions due in the year that are still not started or in progress and whose due day had passed on
 * the day the figures are read on ({@link ImprovementAction#overdueOn}).
 */
final class ActionsByStatus implements ReportSection {

    static final List<String> COLUMNS = List.of("Due in the year", "Overdue");

    private static final Map<ActionStatus, String> STATUSES = new EnumMap<>(Map.of(
            ActionStatus.NOT_STARTED, "Not started",
            ActionStatus.IN_PROGRESS, "In progress",
            ActionStatus.DONE, "Done",
            ActionStatus.NOT_DONE, "Not done"));

    @Override
    public Section build(ReportContext c) {
        return of(c, new ImprovementActionRepository(c.em()).ledBy(c.boardId()));
    }

    /** The section from {@code actions}, the actions of every review the board leads. */
    static Section of(ReportContext c, List<ImprovementAction> actions) {
        Map<ActionStatus, int[]> byStatus = new EnumMap<>(ActionStatus.class);
        for (ActionStatus s : ActionStatus.values()) {
            byStatus.put(s, new int[COLUMNS.size()]);
        }
        for (ImprovementAction a : actions) {
            if (!c.year().contains(a.dueOn())) {
                continue;
            }
            int[] counts = byStatus.get(a.status());
            counts[0]++;
            if (a.overdueOn(c.asAt())) {
                counts[1]++;
            }
        }
        List<Figure.Row> rows = new ArrayList<>();
        int[] totals = new int[COLUMNS.size()];
        byStatus.forEach((status, counts) -> {
            for (int i = 0; i < counts.length; i++) {
                totals[i] += counts[i];
            }
            rows.add(new Figure.Row(status.name(), STATUSES.get(status), Count.all(counts), false));
        });
        rows.add(new Figure.Row("TOTAL", "All actions", Count.all(totals), true));
        List<String> notes = new ArrayList<>(List.of(
                "Each action of the board's reviews is counted once, in the year its due day falls in.",
                "It is counted by its status when this report is produced: an action done after the year ended"
                        + " counts as done.",
                "Overdue counts the actions still not started or in progress whose due day had passed on "
                        + ReportDates.day(c.asAt()) + "."));
        if (totals[0] == 0) {
            notes.add("No action was due in the year.");
        }
        Figure figure = new Figure(
                "actions-by-status",
                "Improvement actions by status, " + c.year().label(),
                "Status",
                COLUMNS,
                rows,
                new Figure.Chart(Figure.Kind.BAR, "Actions", List.of(0, 1)));
        return new Section("actions", "Improvement actions by status", notes, List.of(figure));
    }
}
