package org.lscb.server.request;

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
import org.lscb.exchange.store.DocumentType;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.RejectUnknownFields;

/** A review's document requests (docs/api.md "Document requests"). */
@Path("reviews/{id}/requests")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewRequestsResource {

    private DocumentRequests requests;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ReviewRequestsResource() {}

    @Inject
    public ReviewRequestsResource(DocumentRequests requests, CallerResolver callers, PublicLocations locations) {
        this.requests = requests;
        this.callers = callers;
        this.locations = locations;
    }

    @RejectUnknownFields
    public record RequestBody(String organisationId, String type, String dueOn, String note) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("LSCB_OFFICER")
    public Response ask(@PathParam("id") String reviewId, RequestBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        DocumentRequests.Asking asking = new DocumentRequests.Asking(
                body.organisationId(),
                body.type() == null ? null : Enums.parse(DocumentType.class, body.type(), "type"),
                Dates.optional(body.dueOn(), "dueOn"),
                body.note());
        DocumentRequests.Status s = requests.ask(callers.caller(), reviewId, asking);
        return Response.created(locations.of(
                        "reviews", reviewId, "requests", s.request().id()))
                .entity(RequestView.of(s))
                .build();
    }

    @GET
    @RolesAllowed({
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "ADMIN",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public List<RequestView> list(@PathParam("id") String reviewId) {
        return requests.ofReview(callers.caller(), reviewId).stream()
                .map(RequestView::of)
                .toList();
    }

    @GET
    @Path("{requestId}")
    @RolesAllowed({
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "ADMIN",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public RequestView one(@PathParam("id") String reviewId, @PathParam("requestId") String requestId) {
        return RequestView.of(requests.one(callers.caller(), reviewId, requestId));
    }
}
