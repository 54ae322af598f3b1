package org.lscb.server.organisation;

import jakarta.persistence.EntityManager;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.BoardReach;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.server.auth.Caller;

/** The {@link BoardReach} of a signed-in caller, read inside the caller's transaction. */
public final class BoardReaches {

    private BoardReaches() {}

    /**
     * An administrator reaches everything; an LSCB officer their board and the organisations it covers;
     * anyone else nothing (they act for themselves only).
     */
    public static BoardReach of(EntityManager em, Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return BoardReach.everything();
        }
        if (caller.has(Role.LSCB_OFFICER) && caller.organisationId() != null) {
            return BoardReach.ofBoard(
                    caller.organisationId(), new OrganisationRepository(em).membersOf(caller.organisationId()));
        }
        return BoardReach.nothing();
    }
}
