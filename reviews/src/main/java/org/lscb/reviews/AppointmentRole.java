package org.lscb.reviews;

/** What someone is appointed to do on a review. */
public enum AppointmentRole {
    /** Leads the review; must pass the independence check unless the Chair overrides [11]. */
    LEAD_REVIEWER(true),
    PANEL_MEMBER(true),
    /** The designated paediatrician for an unexpected death [25, 39]. */
    PAEDIATRICIAN(false),
    /** The coroner who receives the joint report [37]. */
    CORONER(false);

    private final boolean reviewer;

    AppointmentRole(boolean reviewer) {
        this.reviewer = reviewer;
    }

    /** Whether this role is filled from the reviewer register rather than by an account. */
    public boolean fromRegister() {
        return reviewer;
    }
}
