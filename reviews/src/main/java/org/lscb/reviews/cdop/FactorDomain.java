package org.lscb.reviews.cdop;

/** The four domains of the national analysis form in which the panel looks for factors (Appendix 1, [27]). */
public enum FactorDomain {
    /** Factors intrinsic to the child. */
    INTRINSIC_TO_CHILD,
    /** Factors in the social environment, including family and parenting capacity. */
    SOCIAL_ENVIRONMENT,
    /** Factors in the physical environment. */
    PHYSICAL_ENVIRONMENT,
    /** Factors in service provision. */
    SERVICE_PROVISION
}
