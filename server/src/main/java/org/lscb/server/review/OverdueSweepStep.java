package org.lscb.server.review;

/**
 * Another sweep of what goes overdue, run by {@link OverdueSweepSchedule} after the clocks' on the same schedule
 * (the actions of action plans, {@code org.lscb.server.action.OverdueActions}). A bean of the application that
 * implements it is found by CDI; one that fails does not stop the clocks' sweep or the others.
 */
public interface OverdueSweepStep {

    /** Marks what has gone overdue since the last run. */
    void sweep();
}
