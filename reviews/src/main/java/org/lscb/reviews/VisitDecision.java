package org.lscb.reviews;

/**
 * What was decided on a visit to the place where a child died at home or in the community [32]: the visit was
 * made, or the senior investigating police officer and the senior health professional decided not to make one,
 * for a reason they give.
 */
public enum VisitDecision {
    VISITED,
    NOT_VISITING
}
