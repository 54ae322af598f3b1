package org.lscb.reviews.cdop;

/**
 * The panel's own judgement whether the death was preventable: whether modifiable factors were identified,
 * "factors which, by means of nationally or locally achievable interventions, could be modified to reduce the risk
 * of future child deaths" (Appendix 1, "Preventable child deaths"; [27] "determining whether the death was deemed
 * preventable"). It is recorded apart from the domain levels: no level in a domain decides it.
 */
public enum ModifiableFactors {
    IDENTIFIED,
    NONE_IDENTIFIED,
    INADEQUATE_INFORMATION
}
