package org.lscb.reviews.request;

/**
 * Where a document request stands on a day, derived from the uploads to the review and never stored: answered
 * once the organisation sent a document of the type asked for; otherwise overdue after its due day, due soon in
 * the last 20% of the time it gave (as a statutory clock, docs/domain.md "Statutory clocks"), else open.
 */
public enum RequestState {
    OPEN,
    DUE_SOON,
    OVERDUE,
    ANSWERED
}
