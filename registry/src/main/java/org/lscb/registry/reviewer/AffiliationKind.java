package org.lscb.registry.reviewer;

/** How a reviewer is or was tied to an organisation; every kind counts against independence. */
public enum AffiliationKind {
    EMPLOYMENT,
    CONTRACT,
    SECONDMENT,
    BOARD,
    VOLUNTEER
}
