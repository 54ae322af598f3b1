package org.lscb.server.report;

import java.time.LocalDate;
import java.util.Optional;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.clock.StatutoryClock;
import org.lscb.reviews.clock.WorkingDays;

/**
 * How a statutory clock stood on the day a report is read on (docs/domain.md "Statutory clocks"). The boards'
 * annual reports must show how promptly their duties were done [11], so a clock met after the day is counted
 * as it stood then: overdue if it was already due, running if not. A paused clock (court proceedings, crucial
 * information awaited [37]) is running: its duty is not yet late. A clock the review's completion stopped unmet
 * counts as overdue once its due day had passed, running before: its duty was never done.
 */
public enum Timeliness {
    MET_ON_TIME("Met on time"),
    MET_LATE("Met late"),
    OVERDUE("Overdue"),
    RUNNING("Running");

    private final String label;

    Timeliness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The clock on {@code asAt}, or empty when the deployment does not run its kind. */
    public static Optional<Timeliness> of(ReviewClock clock, LocalDate asAt, ClockSpans spans, WorkingDays days) {
        return clock.on(asAt, spans, days).map(reading -> of(reading, asAt));
    }

    static Timeliness of(StatutoryClock.Reading reading, LocalDate asAt) {
        return switch (reading.status()) {
            case MET -> {
                if (!reading.met().isAfter(asAt)) {
                    // a clock that runs from a time (the visit decision's 24 hours [32]) is late by the hour
                    boolean late = reading.metAt() != null
                            ? reading.metAt().isAfter(reading.dueAt())
                            : reading.met().isAfter(reading.due());
                    yield late ? MET_LATE : MET_ON_TIME;
                }
                yield asAt.isAfter(reading.due()) ? OVERDUE : RUNNING;
            }
            case OVERDUE -> OVERDUE;
            case STOPPED -> asAt.isAfter(reading.due()) ? OVERDUE : RUNNING;
            case ON_TRACK, DUE_SOON, PAUSED -> RUNNING;
        };
    }
}
