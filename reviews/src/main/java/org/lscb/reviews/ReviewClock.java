package org.lscb.reviews;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.Span;
import org.lscb.reviews.clock.StatutoryClock;
import org.lscb.reviews.clock.TimedClock;
import org.lscb.reviews.clock.WorkingDays;

/**
 * A statutory clock as started on one review: the day it started, its pauses and the day it was met. A clock that
 * runs from a time ({@link ClockKind#timed()}) also keeps the time it started and the time it was met, and reads
 * as a {@link TimedClock}. The span is not stored: it comes from configuration when the clock is read, so a
 * changed span applies to every review at once.
 */
@Entity
@Table(name = "review_clock")
public class ReviewClock {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id", nullable = false)
    private Review review;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private ClockKind kind;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "met_on")
    private LocalDate metOn;

    /** The day the review was completed with this clock unmet, which ended its duty ({@link #outstanding}). */
    @Column(name = "stopped_on")
    private LocalDate stoppedOn;

    /** The time a timed clock started; null for a clock that runs in days. */
    @Column(name = "started_at")
    private Instant startedAt;

    /** The time a timed clock was met; null for a clock that runs in days, and until it is met. */
    @Column(name = "met_at")
    private Instant metAt;

    /** When the overdue sweep first saw this clock overdue; set once, by whichever server got there first. */
    @Column(name = "overdue_marked_at")
    private Instant overdueMarkedAt;

    @OneToMany(mappedBy = "clock", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("pausedOn")
    private List<ClockPause> pauses = new ArrayList<>();

    protected ReviewClock() {}

    ReviewClock(Review review, ClockKind kind, LocalDate startedOn, Instant startedAt) {
        if (kind.timed() != (startedAt != null)) {
            throw new IllegalArgumentException(kind + (kind.timed() ? " starts at a time" : " starts on a day"));
        }
        this.id = UUID.randomUUID().toString();
        this.review = review;
        this.kind = kind;
        this.startedOn = startedOn;
        this.startedAt = startedAt;
    }

    /**
     * Whether the clock's duty is still owed: until it is met or the review's completion stopped it. Closing a
     * review ("no review") ends no duty that already runs: the LSCB must let Ofsted and DfE know its decision
     * whatever the decision is (SCR checklist: Notification), so that clock is still listed and swept when overdue
     * on a closed review. Completing a review stops the clocks of the review's own work (a child death review signed
     * off by the panel [27], an SCR, a management review or an audit completed), which nothing is left to meet; it
     * does not stop {@link ClockKind#DECISION_REPORTED}, a duty to Ofsted and DfE that outlives the review
     * ({@link Review#complete}).
     */
    public boolean outstanding() {
        return metOn == null && stoppedOn == null;
    }

    /**
     * The clock at {@code now}, or empty when the deployment does not run this kind of clock. A clock its review's
     * completion stopped reads {@link ClockStatus#STOPPED} with the due day it had.
     */
    public Optional<StatutoryClock.Reading> on(Instant now, ClockSpans spans, WorkingDays workingDays) {
        return spans.of(kind).map(span -> {
            StatutoryClock.Reading r = startedAt != null
                    ? timed(span).on(now)
                    : statutory(span).on(LocalDate.ofInstant(now, TimedClock.ENGLAND), workingDays);
            return stoppedOn == null
                    ? r
                    : new StatutoryClock.Reading(ClockStatus.STOPPED, r.due(), null, null, r.dueAt(), null);
        });
    }

    /** The clock at the start of {@code today} in England. */
    public Optional<StatutoryClock.Reading> on(LocalDate today, ClockSpans spans, WorkingDays workingDays) {
        return on(today.atStartOfDay(TimedClock.ENGLAND).toInstant(), spans, workingDays);
    }

    private TimedClock timed(Span span) {
        TimedClock c = new TimedClock(startedAt, span.duration());
        if (metAt != null) {
            c.meet(metAt);
        }
        return c;
    }

    /** Ends the duty of an unmet clock when its review is completed on {@code on}; a met clock stays met. */
    void stop(LocalDate on) {
        if (metOn == null && stoppedOn == null) {
            this.stoppedOn = on;
        }
    }

    private StatutoryClock statutory(Span span) {
        StatutoryClock c = new StatutoryClock(startedOn, span);
        // finished pauses in date order, the open one (at most one) last, whatever order the rows came in
        List<ClockPause> ordered = new ArrayList<>(pauses);
        ordered.sort(Comparator.comparing((ClockPause p) -> p.resumedOn().isEmpty())
                .thenComparing(ClockPause::pausedOn)
                .thenComparing(p -> p.resumedOn().orElse(LocalDate.MAX)));
        for (ClockPause p : ordered) {
            c.pause(p.pausedOn(), p.reason());
            p.resumedOn().ifPresent(c::resume);
        }
        if (metOn != null) {
            c.meet(metOn);
        }
        return c;
    }

    void pause(LocalDate on, String reason) {
        if (!kind.pausable()) {
            throw new InvalidValueException(
                    "clock", kind + " cannot be paused; only SCR_COMPLETION and CORONER_JOINT_REPORT can");
        }
        if (metOn != null) {
            throw new InvalidValueException("clock", kind + " was met on " + metOn + " and cannot be paused");
        }
        if (isPaused()) {
            throw new InvalidValueException("clock", kind + " is already paused");
        }
        if (on.isBefore(startedOn) || on.isBefore(lastResumed())) {
            throw new InvalidValueException(
                    "on", "a pause cannot start before the clock or before the last pause ended");
        }
        pauses.add(new ClockPause(this, on, Text.required(reason, "reason", 1000)));
    }

    void resume(LocalDate on) {
        if (!isPaused()) {
            throw new InvalidValueException("clock", kind + " is not paused");
        }
        openPause().resume(on);
    }

    /** Meets a timed clock at a time, or a clock that runs in days on that time's day in England. */
    void meetAt(Instant at) {
        if (startedAt == null) {
            meet(LocalDate.ofInstant(at, TimedClock.ENGLAND));
            return;
        }
        if (at.isBefore(startedAt)) {
            throw new InvalidValueException("at", "a clock cannot be met before it started (" + startedAt + ")");
        }
        this.metAt = at;
        this.metOn = LocalDate.ofInstant(at, TimedClock.ENGLAND);
    }

    void meet(LocalDate on) {
        if (startedAt != null) {
            throw new IllegalStateException(kind + " is met at a time, not on a day");
        }
        if (on.isBefore(startedOn)) {
            throw new InvalidValueException("on", "a clock cannot be met before it started (" + startedOn + ")");
        }
        if (isPaused()) {
            openPause().resume(on);
        }
        this.metOn = on;
    }

    boolean isPaused() {
        return pauses.stream().anyMatch(p -> p.resumedOn().isEmpty());
    }

    private ClockPause openPause() {
        return pauses.stream().filter(p -> p.resumedOn().isEmpty()).findFirst().orElseThrow();
    }

    private LocalDate lastResumed() {
        return pauses.stream()
                .map(p -> p.resumedOn().orElse(p.pausedOn()))
                .max(LocalDate::compareTo)
                .orElse(startedOn);
    }

    public String id() {
        return id;
    }

    public Review review() {
        return review;
    }

    public ClockKind kind() {
        return kind;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public Optional<LocalDate> metOn() {
        return Optional.ofNullable(metOn);
    }

    public Optional<LocalDate> stoppedOn() {
        return Optional.ofNullable(stoppedOn);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> metAt() {
        return Optional.ofNullable(metAt);
    }

    public Optional<Instant> overdueMarkedAt() {
        return Optional.ofNullable(overdueMarkedAt);
    }

    public List<ClockPause> pauses() {
        return List.copyOf(pauses);
    }
}
