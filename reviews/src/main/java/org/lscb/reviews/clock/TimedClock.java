package org.lscb.reviews.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A statutory clock that runs from a time rather than a day and is due a fixed length of time later, counted in
 * hours: the decision on a visit to the place where a child died is made "within 24 hours" of the death [32], so
 * a death at 23:00 is due at 23:00 the next day, not at the end of a day. It cannot pause; it is met at a time.
 * It reads {@code DUE_SOON} in the last 20% of its span and {@code OVERDUE} from the first moment after it is due.
 */
public final class TimedClock {

    /** The calendar the due and met days are read in, as every date of the service is. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Instant start;
    private final Duration span;
    private Instant met;

    public TimedClock(Instant start, Duration span) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("a span must be positive");
        }
        this.start = start;
        this.span = span;
    }

    public void meet(Instant at) {
        this.met = at;
    }

    public Instant due() {
        return start.plus(span);
    }

    public StatutoryClock.Reading on(Instant now) {
        Instant due = due();
        if (met != null) {
            return new StatutoryClock.Reading(ClockStatus.MET, day(due), day(met), null, due, met);
        }
        if (now.isAfter(due)) {
            return new StatutoryClock.Reading(ClockStatus.OVERDUE, day(due), null, null, due, null);
        }
        ClockStatus running = StatutoryClock.running(Duration.between(now, due).toSeconds(), span.toSeconds());
        return new StatutoryClock.Reading(running, day(due), null, null, due, null);
    }

    private static LocalDate day(Instant i) {
        return LocalDate.ofInstant(i, ENGLAND);
    }
}
