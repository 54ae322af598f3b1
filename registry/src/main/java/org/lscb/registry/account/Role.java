package org.lscb.registry.account;

/** The roles of DOMAIN.md "People and organisations"; a token carries them as groups. */
public enum Role {
    ADMIN,
    LSCB_OFFICER,
    AGENCY_USER,
    REVIEWER,
    PAEDIATRICIAN,
    CORONER,
    CDOP_MEMBER
}
