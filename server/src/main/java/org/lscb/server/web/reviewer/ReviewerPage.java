package org.lscb.server.web.reviewer;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.reviewer.ReviewerService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.reviewer.ReviewerPageViews.AppointForm;
import org.lscb.server.web.reviewer.ReviewerPageViews.VerifyForm;
import org.lscb.server.web.session.SignedIn;

/**
 * A reviewer's page on the register, and an officer's verification of their evidence. The page is
 * {@code GET /api/v1/reviewers/{id}} (and, with {@code ?review=}, the independence check and appointment form
 * of the officers and the Chair, see {@link ReviewerPageViews}); the verification is
 * {@code POST /api/v1/reviewers/{id}/evidence/{eid}/verification}, the same {@link ReviewerService#verifyEvidence}
 * call with the same roles. Verifying takes no expiry date: the evidence carries its own, given when it was
 * added (docs/domain.md "Reviewer qualification").
 */
@Path("reviewers/{rid}")
@Produces(MediaType.TEXT_HTML)
public class ReviewerPage {

    private SignedIn signedIn;
    private ReviewerService reviewers;
    private ReviewerPageViews views;

    protected ReviewerPage() {}

    @Inject
    public ReviewerPage(SignedIn signedIn, ReviewerService reviewers, ReviewerPageViews views) {
        this.signedIn = signedIn;
        this.reviewers = reviewers;
        this.views = views;
    }

    @GET
    public Response reviewer(
            @PathParam("rid") String rid, @QueryParam("review") String reviewId, @QueryParam("done") String done) {
        boolean forReview = reviewId != null && !reviewId.isBlank();
        // the independence check for a review is the officers' and the Chairs' (GET
        // /api/v1/reviews/{id}/independence/{reviewerId}); the review's policy (CHECK_PANEL) then answers 404 to a
        // board with no part in it, and the page offers the override only to the lead board's Chair (DECIDE)
        Caller c = forReview
                ? signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR)
                : signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER, Role.REVIEWER);
        return views.render(
                200,
                c,
                rid,
                forReview ? reviewId : null,
                AppointForm.empty(),
                VerifyForm.empty(),
                "verified".equals(done) || "withdrawn".equals(done) ? done : null);
    }

    @POST
    @Path("evidence/{eid}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(
            @PathParam("rid") String rid,
            @PathParam("eid") String evidenceId,
            @FormParam("decision") String decision,
            @FormParam("note") String note,
            @FormParam("review") String reviewId) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        String text = note == null ? "" : note.strip();
        FormErrors errors = FormErrors.none();
        if (!"verify".equals(decision) && !"withdraw".equals(decision)) {
            errors = errors.with("decision-" + evidenceId, "Select whether to verify the evidence or withdraw it");
        } else if ("withdraw".equals(decision) && text.isEmpty()) {
            errors = errors.with(
                    "note-" + evidenceId,
                    "Enter why you are withdrawing the verification: every board relying on"
                            + " this reviewer sees it");
        }
        if (text.length() > 1000) {
            errors = errors.with("note-" + evidenceId, "The note must be 1,000 characters or fewer");
        }
        String review = reviewId == null || reviewId.isBlank() ? null : reviewId.strip();
        if (!errors.isEmpty()) {
            return views.render(
                    400, c, rid, review, AppointForm.empty(), new VerifyForm(evidenceId, decision, text, errors), null);
        }
        boolean verified = "verify".equals(decision);
        reviewers.verifyEvidence(c, rid, evidenceId, verified, text.isEmpty() ? null : text);
        return Pages.seeOther("/reviewers/" + Pages.encode(rid) + "?done=" + (verified ? "verified" : "withdrawn")
                + (review == null ? "" : "&review=" + Pages.encode(review)) + "#evidence");
    }
}
