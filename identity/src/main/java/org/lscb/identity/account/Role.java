package org.lscb.identity.account;

import java.util.Set;

/** The roles of docs/domain.md "People and organisations"; a token carries them as groups. */
public enum Role {
    ADMIN,
    LSCB_OFFICER,
    AGENCY_USER,
    REVIEWER,
    PAEDIATRICIAN,
    CORONER,
    CDOP_MEMBER;

    /**
     * Those who manage people and every review of a board (or the whole deployment) cannot sign in with a
     * password alone: a stolen password must not open a board's cases. Others may add a second factor.
     */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == LSCB_OFFICER;
    }

    public static boolean anyNeedsSecondFactor(Set<Role> roles) {
        return roles.stream().anyMatch(Role::needsSecondFactor);
    }
}
