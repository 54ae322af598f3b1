package org.lscb.identity.account;

import java.util.Set;

/** The roles of docs/domain.md "People and organisations"; a token carries them as groups. */
public enum Role {
    ADMIN,
    LSCB_OFFICER,
    /**
     * The Chair of one board (its organisation is the board; a board may have several Chair accounts). The final
     * decision on whether to commission an SCR rests with the LSCB Chair [7, 18; SCR checklist: Notification],
     * and so does an override of a lead reviewer's conflict of interest; officers prepare both. Reads the
     * board's reviews as an officer does, and manages nothing else.
     */
    LSCB_CHAIR,
    AGENCY_USER,
    REVIEWER,
    PAEDIATRICIAN,
    CORONER,
    CDOP_MEMBER;

    /**
     * Those who manage people and every review of a board (or the whole deployment) cannot sign in with a
     * password alone: a stolen password must not open a board's cases, nor decide one. Others may add a
     * second factor.
     */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == LSCB_OFFICER || this == LSCB_CHAIR;
    }

    public static boolean anyNeedsSecondFactor(Set<Role> roles) {
        return roles.stream().anyMatch(Role::needsSecondFactor);
    }
}
