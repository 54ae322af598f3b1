package org.lscb.identity.organisation;

/** The kinds of organisation that take part in a review (docs/api.md "Organisations and accounts"). */
public enum OrganisationKind {
    LSCB,
    CHILDRENS_SOCIAL_CARE,
    HEALTH,
    POLICE,
    PROBATION,
    YOUTH_OFFENDING,
    EDUCATION,
    CAFCASS,
    CORONER,
    OTHER
}
