package org.lscb.registry.reviewer;

/** Areas of practice a reviewer knows from the inside (docs/domain.md "Reviewer qualification"). */
public enum ExpertiseArea {
    POLICE,
    CHILDRENS_SOCIAL_CARE,
    HEALTH,
    EDUCATION,
    PROBATION,
    YOUTH_JUSTICE,
    MENTAL_HEALTH,
    SUBSTANCE_MISUSE,
    DOMESTIC_ABUSE,
    EARLY_YEARS
}
