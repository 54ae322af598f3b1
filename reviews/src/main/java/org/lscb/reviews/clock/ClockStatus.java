package org.lscb.reviews.clock;

/** Where a statutory clock stands (docs/domain.md "Statutory clocks"). */
public enum ClockStatus {
    ON_TRACK,
    /** Within the last 20% of its span. */
    DUE_SOON,
    OVERDUE,
    MET,
    /** Stopped for a recorded reason, such as court proceedings. */
    PAUSED,
    /** Unmet when the review was completed, which ended the duty (see {@code ReviewClock#outstanding}). */
    STOPPED
}
