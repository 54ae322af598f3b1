package org.lscb.reviews.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One statutory clock: it starts on a day, is due after its {@link Span}, can be paused with a
 * reason (each finished pause moves the due day on by the days it lasted) and is met on a day.
 */
public final class StatutoryClock {

    /** A pause; {@code to} is null while it lasts. */
    public record Pause(LocalDate from, LocalDate to, String reason) {
        public Pause {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a pause needs a reason");
            }
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a pause cannot end before it starts");
            }
        }
    }

    /**
     * The clock on a given day. {@code dueAt} and {@code metAt} are the instants of a clock that runs from a time
     * ({@link TimedClock}), null for one that runs in days; {@code due} and {@code met} are their days in England.
     */
    public record Reading(
            ClockStatus status, LocalDate due, LocalDate met, String pausedFor, Instant dueAt, Instant metAt) {

        public Reading(ClockStatus status, LocalDate due, LocalDate met, String pausedFor) {
            this(status, due, met, pausedFor, null, null);
        }
    }

    /** The last fifth of a span counts as "due soon". */
    static final double DUE_SOON_SHARE = 0.2;

    /** A running clock with {@code left} of its {@code span} to go, in one unit: due soon in its last fifth. */
    static ClockStatus running(long left, long span) {
        return left <= span * DUE_SOON_SHARE ? ClockStatus.DUE_SOON : ClockStatus.ON_TRACK;
    }

    private final LocalDate start;
    private final Span span;
    private final List<Pause> pauses = new ArrayList<>();
    private LocalDate met;

    public StatutoryClock(LocalDate start, Span span) {
        this.start = start;
        this.span = span;
    }

    public void pause(LocalDate from, String reason) {
        if (isPaused()) {
            throw new IllegalStateException("the clock is already paused");
        }
        if (from.isBefore(start)) {
            throw new IllegalArgumentException("a pause cannot start before the clock");
        }
        pauses.add(new Pause(from, null, reason));
    }

    public void resume(LocalDate on) {
        if (!isPaused()) {
            throw new IllegalStateException("the clock is not paused");
        }
        Pause open = pauses.remove(pauses.size() - 1);
        pauses.add(new Pause(open.from(), on, open.reason()));
    }

    public void meet(LocalDate on) {
        this.met = on;
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    /** The due day: the span from the start, moved on by every finished pause. */
    public LocalDate due(WorkingDays workingDays) {
        long paused = pauses.stream()
                .filter(p -> p.to() != null)
                .mapToLong(p -> ChronoUnit.DAYS.between(p.from(), p.to()))
                .sum();
        return span.dueFrom(start, workingDays).plusDays(paused);
    }

    public Reading on(LocalDate today, WorkingDays workingDays) {
        LocalDate due = due(workingDays);
        if (met != null) {
            return new Reading(ClockStatus.MET, due, met, null);
        }
        if (isPaused()) {
            return new Reading(
                    ClockStatus.PAUSED,
                    null,
                    null,
                    pauses.get(pauses.size() - 1).reason());
        }
        if (today.isAfter(due)) {
            return new Reading(ClockStatus.OVERDUE, due, null, null);
        }
        // "within 20% of its span": the span as set, not counting time spent paused
        long span = Math.max(1, ChronoUnit.DAYS.between(start, this.span.dueFrom(start, workingDays)));
        long left = ChronoUnit.DAYS.between(today, due);
        return new Reading(running(left, span), due, null, null);
    }

    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }
}
