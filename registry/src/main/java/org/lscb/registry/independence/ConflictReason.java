package org.lscb.registry.independence;

/** Why a reviewer is not independent (docs/domain.md "Independence", guidance [11]). */
public enum ConflictReason {
    /** An affiliation with an involved organisation that lasts on the day of the check. */
    CURRENT_AFFILIATION,
    /** An affiliation with an involved organisation that ended within the look-back period. */
    RECENT_AFFILIATION,
    /** An affiliation with an involved organisation agreed to start after the day of the check. */
    FUTURE_AFFILIATION,
    /** A declared personal relationship or interest involving an involved organisation. */
    DECLARED_INTEREST,
    /** Declared or recorded direct involvement in the case under review. */
    DIRECT_INVOLVEMENT,
    /** Membership of, or employment by, the commissioning board (not independent of the LSCB). */
    BOARD_MEMBERSHIP
}
