package org.lscb.server.action;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Dates;
import org.lscb.server.json.RejectUnknownFields;

/**
 * A review's action plan (docs/api.md "Action plans"). Reviewers, paediatricians, coroners, CDOP members and
 * administrators follow no action plan: the board oversees it with the organisations that own the actions [19].
 */
@Path("reviews/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewActionsResource {

    private ImprovementActions actions;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ReviewActionsResource() {}

    @Inject
    public ReviewActionsResource(ImprovementActions actions, CallerResolver callers, PublicLocations locations) {
        this.actions = actions;
        this.callers = callers;
        this.locations = locations;
    }

    @RejectUnknownFields
    public record CreateBody(String recommendation, String organisationId, String change, String dueOn) {}

    /** An agency user may ask, so that one of another board is told the review does not exist (404), as its officers are. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public Response create(@PathParam("id") String reviewId, CreateBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        ImprovementActions.Status s = actions.create(
                callers.caller(),
                reviewId,
                new ImprovementAction.Plan(
                        body.recommendation(),
                        body.organisationId(),
                        body.change(),
                        Dates.optional(body.dueOn(), "dueOn")));
        return Response.created(locations.of("actions", s.action().id()))
                .entity(ActionView.of(s))
                .build();
    }

    @GET
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<ActionView> list(@PathParam("id") String reviewId) {
        return actions.plan(callers.caller(), reviewId).actions().stream()
                .map(ActionView::of)
                .toList();
    }
}
