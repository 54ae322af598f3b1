package org.lscb.reviews.notification;

/**
 * Where the child died, as the notification form asks it. A death at home or in the community is the one for
 * which the police and the senior health professional decide on a visit to the place of death within 24 hours
 * [30, 32]; a child normally resident in England who died abroad is still reviewed by the board of residence,
 * and no visit is made [24].
 */
public enum PlaceOfDeath {
    HOME,
    COMMUNITY,
    HOSPITAL,
    ABROAD;

    /** [32]: "If the child has died at home or in the community", the decision on a visit. */
    public boolean homeOrCommunity() {
        return this == HOME || this == COMMUNITY;
    }
}
