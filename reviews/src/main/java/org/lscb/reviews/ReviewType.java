package org.lscb.reviews;

/** The kinds of learning review of docs/domain.md "Review types" (guidance [10]). */
public enum ReviewType {
    /** Every death of a child under 18 normally resident in the area [23, 27]. */
    CHILD_DEATH_REVIEW,
    /** A serious case under regulation 5(2); always when a child dies in custody [17]. */
    SERIOUS_CASE_REVIEW,
    /** Below the SCR threshold but useful for learning [8, 19]. */
    MANAGEMENT_REVIEW,
    /** A review or audit of practice in one or more agencies. */
    PRACTICE_AUDIT
}
