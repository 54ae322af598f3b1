package org.lscb.reviews;

/** The LSCB Chair's decision on a notified serious incident [7, 18]. */
public enum ScrDecisionKind {
    COMMISSION_SCR,
    /** Criteria not met, but the board reviews the case for learning [18, 19]. */
    MANAGEMENT_REVIEW,
    NO_REVIEW
}
