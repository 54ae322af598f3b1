package org.lscb.server.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who the bearer of the token is. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private CallerResolver callers;

    protected MeResource() {}

    @Inject
    public MeResource(CallerResolver callers) {
        this.callers = callers;
    }

    public record Me(String id, String username, String displayName, List<String> roles, String organisationId) {}

    @GET
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public Me me() {
        Caller c = callers.caller();
        return new Me(
                c.accountId(),
                c.username(),
                c.displayName(),
                c.roles().stream().map(Enum::name).sorted().toList(),
                c.organisationId());
    }
}
