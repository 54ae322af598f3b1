package org.lscb.server.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;

/** Boards and partner agencies (ADMIN, LSCB_OFFICER). */
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    private OrganisationService organisations;
    private CallerResolver callers;
    private PublicLocations locations;

    protected OrganisationsResource() {}

    @Inject
    public OrganisationsResource(OrganisationService organisations, CallerResolver callers, PublicLocations locations) {
        this.organisations = organisations;
        this.callers = callers;
        this.locations = locations;
    }

    public record OrganisationBody(String id, String name, String kind, String area) {
        static OrganisationBody of(Organisation o) {
            return new OrganisationBody(o.id(), o.name(), o.kind().name(), o.area());
        }
    }

    @GET
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Page<OrganisationBody> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size);
        return organisations.list(paging.page(), paging.size()).map(OrganisationBody::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public OrganisationBody get(@PathParam("id") String id) {
        return organisations.find(id).map(OrganisationBody::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Response create(OrganisationBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "an organisation is required");
        }
        Organisation o = organisations.register(
                callers.caller(), body.name(), Enums.parse(OrganisationKind.class, body.kind(), "kind"), body.area());
        return Response.created(locations.of("organisations", o.id()))
                .entity(OrganisationBody.of(o))
                .build();
    }

    public record MemberBody(String organisationId) {}

    /** The organisations a board covers (an administrator, or the board's own officers). */
    @GET
    @Path("{id}/members")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public java.util.List<OrganisationBody> members(@PathParam("id") String id) {
        return organisations.members(callers.caller(), id).stream()
                .map(OrganisationBody::of)
                .toList();
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed("ADMIN")
    public Response addMember(@PathParam("id") String id, MemberBody body) {
        if (body == null
                || body.organisationId() == null
                || body.organisationId().isBlank()) {
            throw new InvalidValueException("organisationId", "is required");
        }
        Organisation member = organisations.addMember(
                callers.caller(), id, body.organisationId().strip());
        return Response.status(Response.Status.CREATED)
                .entity(OrganisationBody.of(member))
                .build();
    }

    @DELETE
    @Path("{id}/members/{organisationId}")
    @RolesAllowed("ADMIN")
    public Response removeMember(@PathParam("id") String id, @PathParam("organisationId") String organisationId) {
        organisations.removeMember(callers.caller(), id, organisationId);
        return Response.noContent().build();
    }
}
