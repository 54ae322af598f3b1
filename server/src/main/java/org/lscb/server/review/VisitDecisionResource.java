package org.lscb.server.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.VisitDecision;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.RejectUnknownFields;
import org.lscb.server.review.ReviewViews.ReviewView;

/**
 * {@code PUT /reviews/{id}/visit-decision} (docs/api.md "Rapid response"): the decision on a visit to the place
 * where the child died [32], {@code {"decision":"VISITED","visitedAt":...}} or {@code
 * {"decision":"NOT_VISITING","decidedAt":...,"reason":...}}; it meets the visit clock at that time. The roles
 * here are those who can hold a relation {@link org.lscb.reviews.RapidResponseRule} names.
 */
@Path("reviews/{id}/visit-decision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitDecisionResource {

    private RapidResponses rapid;
    private ReviewService reviews;
    private CallerResolver callers;

    protected VisitDecisionResource() {}

    @Inject
    public VisitDecisionResource(RapidResponses rapid, ReviewService reviews, CallerResolver callers) {
        this.rapid = rapid;
        this.reviews = reviews;
        this.callers = callers;
    }

    @RejectUnknownFields
    public record VisitDecisionBody(String decision, String visitedAt, String decidedAt, String reason) {}

    @PUT
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "PAEDIATRICIAN"})
    public ReviewView record(@PathParam("id") String id, VisitDecisionBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        if (body.decision() == null) {
            throw new InvalidValueException("decision", "is required: VISITED or NOT_VISITING");
        }
        VisitDecision decision = Enums.parse(VisitDecision.class, body.decision(), "decision");
        Instant at;
        if (decision == VisitDecision.VISITED) {
            if (body.decidedAt() != null) {
                throw new InvalidValueException("decidedAt", "is for NOT_VISITING; a visit gives visitedAt");
            }
            at = Dates.requiredInstant(body.visitedAt(), "visitedAt");
        } else {
            if (body.visitedAt() != null) {
                throw new InvalidValueException("visitedAt", "is for VISITED; a decision not to visit gives decidedAt");
            }
            Instant given = Dates.optionalInstant(body.decidedAt(), "decidedAt");
            at = given == null ? reviews.now() : given;
        }
        ReviewService.Seen seen = rapid.recordVisitDecision(callers.caller(), id, decision, at, body.reason());
        return ReviewViews.of(seen, reviews.clocks(seen.review()));
    }
}
