package org.lscb.reviews.action;

/**
 * Where an action of a review's action plan stands ({@link ActionStateRule} says how it may move). {@code DONE}
 * and {@code NOT_DONE} close the action: it is no longer due, so it is never overdue.
 */
public enum ActionStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    /** The owner will not do it; the reason is kept so that the board can answer for it [11]. */
    NOT_DONE;

    /** Whether the action is still owed: not started or in progress. */
    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
