package org.lscb.server.it;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock the integration tests read dates from: fixed at the start of the run, in England, whose calendar
 * the server reads "today" in. A test that computed each date afresh with {@code LocalDate.now()} could cross
 * midnight between two readings, or read a day in another zone than the server's, and expect the wrong day.
 *
 * <p>The server keeps its own, real clock, so its "today" is this day or, when a run crosses midnight, a later
 * one. Tests therefore check what follows from the dates they send (a due date is the start plus the span),
 * and expect a status from the server's today only with at least a day to spare.
 */
final class TestClock {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    static final Clock FIXED = Clock.fixed(Instant.now(), ENGLAND);

    private TestClock() {}

    /** England's date when the run began. */
    static LocalDate today() {
        return LocalDate.now(FIXED);
    }
}
