package org.lscb.reviews;

/** Where a review stands. */
public enum ReviewStatus {

    /** A serious incident was notified; the Chair has not yet decided whether to hold an SCR. */
    AWAITING_DECISION,
    IN_PROGRESS,
    /** The review is finished (for an SCR: its completion clock is met). */
    COMPLETED,
    /** The Chair decided that no review is held. */
    CLOSED_NO_REVIEW;

    /**
     * The statuses in which the review's work goes on (documents are requested, people appointed). A clock's
     * duty outlives them: see {@link ReviewClock#outstanding()}.
     */
    public static final java.util.Set<ReviewStatus> OPEN = java.util.EnumSet.of(AWAITING_DECISION, IN_PROGRESS);

    public boolean open() {
        return OPEN.contains(this);
    }
}
