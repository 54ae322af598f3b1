package org.lscb.server.action;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.RejectUnknownFields;

/** Actions across reviews: the board's view, an agency's own, one action and its update (docs/api.md "Action plans"). */
@Path("actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {

    private ImprovementActions actions;
    private CallerResolver callers;

    protected ActionsResource() {}

    @Inject
    public ActionsResource(ImprovementActions actions, CallerResolver callers) {
        this.actions = actions;
        this.callers = callers;
    }

    /** Each field left out stays as it is; blank text clears {@code reason}, {@code evidenceDocumentId}, {@code evidenceNote}. */
    @RejectUnknownFields
    public record UpdateBody(
            String recommendation,
            String organisationId,
            String change,
            String dueOn,
            String status,
            String reason,
            String evidenceDocumentId,
            String evidenceNote) {}

    @GET
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<ActionView> list(@QueryParam("status") String status, @QueryParam("overdue") String overdue) {
        ActionStatus s = status == null || status.isBlank() ? null : Enums.parse(ActionStatus.class, status, "status");
        return actions.list(callers.caller(), s, flag(overdue)).stream()
                .map(ActionView::of)
                .toList();
    }

    @GET
    @Path("{actionId}")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public ActionView one(@PathParam("actionId") String actionId) {
        return ActionView.of(actions.one(callers.caller(), actionId));
    }

    @PUT
    @Path("{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public ActionView update(@PathParam("actionId") String actionId, UpdateBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        ImprovementActions.Change change = new ImprovementActions.Change(
                new ImprovementAction.Plan(
                        body.recommendation(),
                        body.organisationId(),
                        body.change(),
                        Dates.optional(body.dueOn(), "dueOn")),
                new ImprovementAction.Progress(
                        body.status() == null ? null : Enums.parse(ActionStatus.class, body.status(), "status"),
                        body.reason(),
                        body.evidenceDocumentId(),
                        body.evidenceNote()));
        return ActionView.of(actions.update(callers.caller(), actionId, change));
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidValueException("overdue", "must be true or false");
    }
}
