package org.lscb.exchange.custody;

/** Where a request for the board key stands. Only an open request takes approvals. */
public enum RecoveryStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
