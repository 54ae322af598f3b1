package org.lscb.server.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewClock;

/**
 * Timeliness against each statutory clock: of the clocks started in the year, how many were met on time, met
 * late, overdue or still running on the day the report is read on ({@link Timeliness}). The board's annual
 * report accounts for how promptly its reviews were done [11]; the CDOP's reports the child-death clocks (the
 * home visit [32], the joint report to the coroner [37], the registrar's information) to the board [28].
 * Each clock is counted in the year it started, so it is counted once across the years.
 */
final class ClockTimelinessSection implements ReportSection {

    static final List<String> COLUMNS = List.of(
            Timeliness.MET_ON_TIME.label(),
            Timeliness.MET_LATE.label(),
            Timeliness.OVERDUE.label(),
            Timeliness.RUNNING.label(),
            "Started in the year");

    private static final Map<ClockKind, String> CLOCKS = new EnumMap<>(Map.of(
            ClockKind.SCR_DECISION, "SCR decision",
            ClockKind.DECISION_REPORTED, "Decision reported to Ofsted and the DfE",
            ClockKind.SCR_COMPLETION, "SCR completed",
            ClockKind.REGISTRAR_INFORMATION, "Registrar's information received",
            ClockKind.CORONER_JOINT_REPORT, "Joint report to the coroner",
            ClockKind.HOME_VISIT, "Home visit",
            ClockKind.NATIONAL_PANEL_NOTIFICATION, "National panel notified",
            ClockKind.RAPID_REVIEW, "Rapid review"));

    private final TimelinessScope scope;

    ClockTimelinessSection(TimelinessScope scope) {
        this.scope = scope;
    }

    @Override
    public Section build(ReportContext c) {
        Map<ClockKind, int[]> byKind = new EnumMap<>(ClockKind.class);
        for (Review r : c.reviews()) {
            if (!scope.covers(r)) {
                continue;
            }
            for (ReviewClock clock : r.clocks()) {
                if (!c.year().contains(clock.startedOn()) || clock.startedOn().isAfter(c.asAt())) {
                    continue;
                }
                c.timeliness(clock)
                        .ifPresent(t -> byKind.computeIfAbsent(clock.kind(), k -> new int[Timeliness.values().length])[
                                t.ordinal()]++);
            }
        }
        List<Figure.Row> rows = new ArrayList<>();
        byKind.forEach((kind, counts) -> rows.add(new Figure.Row(
                kind.name(),
                CLOCKS.getOrDefault(kind, kind.name()),
                scope.counts(Arrays.stream(counts).boxed().toList()),
                false)));
        List<String> notes = new ArrayList<>(List.of(
                "Each clock started in the year is counted once, as it stood on " + ReportDates.day(c.asAt())
                        + ". A clock met after that day counts as overdue or running, as it was on the day.",
                "A paused clock counts as running."));
        if (rows.isEmpty()) {
            notes.add("No statutory clock started in the year.");
        }
        if (scope == TimelinessScope.CHILD_DEATHS) {
            notes.add(ChildDeathsNotified.SUPPRESSION_NOTE);
        }
        Figure figure = new Figure(
                scope == TimelinessScope.CHILD_DEATHS ? "child-death-clocks" : "clocks",
                "Timeliness against each statutory clock, " + c.year().label(),
                "Clock",
                COLUMNS,
                rows,
                rows.isEmpty() ? null : new Figure.Chart(Figure.Kind.STACKED_BAR, "Clocks", List.of(0, 1, 2, 3)));
        return new Section("timeliness", "Timeliness against each statutory clock", notes, List.of(figure));
    }
}
