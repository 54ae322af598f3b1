package org.lscb.server.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.json.Dates;
import org.lscb.server.json.RejectUnknownFields;
import org.lscb.server.review.ReviewViews.ReviewView;

/**
 * {@code PUT /reviews/{id}/post-mortem} (docs/api.md "Rapid response"): the final post-mortem report's day [36],
 * whether the coroner opened an inquest [37], whether the results suggest abuse or neglect [38] and, once held,
 * the day of the case discussion on the final result [39]. Put again to correct or complete it. The roles here are
 * those who can hold a relation {@link org.lscb.reviews.RapidResponseRule#mayRecordPostMortem} names.
 */
@Path("reviews/{id}/post-mortem")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostMortemResource {

    private RapidResponses rapid;
    private ReviewService reviews;
    private CallerResolver callers;

    protected PostMortemResource() {}

    @Inject
    public PostMortemResource(RapidResponses rapid, ReviewService reviews, CallerResolver callers) {
        this.rapid = rapid;
        this.reviews = reviews;
        this.callers = callers;
    }

    @RejectUnknownFields
    public record PostMortemBody(
            String finalReportOn, Boolean inquestOpened, Boolean suggestsAbuseOrNeglect, String caseDiscussionOn) {}

    @PUT
    @RolesAllowed({"LSCB_OFFICER", "PAEDIATRICIAN", "CORONER"})
    public ReviewView record(@PathParam("id") String id, PostMortemBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        ReviewService.Seen seen = rapid.recordPostMortem(
                callers.caller(),
                id,
                new RapidResponses.PostMortem(
                        Dates.required(body.finalReportOn(), "finalReportOn"),
                        body.inquestOpened(),
                        body.suggestsAbuseOrNeglect(),
                        Dates.optional(body.caseDiscussionOn(), "caseDiscussionOn")));
        return ReviewViews.of(seen, reviews.clocks(seen.review()));
    }
}
