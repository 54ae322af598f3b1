package org.lscb.server.web.appointment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.lscb.identity.account.Role;
import org.lscb.reviews.Review;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewAppointments;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.review.ReviewViews.PanelCheckView;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Words;
import org.lscb.server.web.reviewer.RegisterWords;
import org.lscb.server.web.session.SignedIn;

/**
 * The panel check of a review: what {@code GET /api/v1/reviews/{id}/panel-check} answers (the same
 * {@link ReviewAppointments#panelCheck} call, LSCB officers), each unmet requirement in words with the guidance
 * paragraph behind it ({@code PanelRule}, SCR checklist "Appointing reviewers", [11, 15]).
 */
@Path("reviews/{id}/panel-check")
@Produces(MediaType.TEXT_HTML)
public class PanelCheckPage {

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;
    private ReviewAppointments appointments;

    protected PanelCheckPage() {}

    @Inject
    public PanelCheckPage(SignedIn signedIn, Pages pages, ReviewService reviews, ReviewAppointments appointments) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
        this.appointments = appointments;
    }

    /** What the panel still needs, each in words with the guidance paragraph behind it. */
    public record Need(String rule, String heading, String explanation) {}

    /** {@code appointed}: the success banner's words after an appointment, or null. */
    public record PanelView(
            String reviewId,
            String reference,
            String pseudonym,
            boolean meetsGuidance,
            List<Need> needs,
            String appointed) {}

    @GET
    public Response panelCheck(@PathParam("id") String id, @QueryParam("appointed") String appointed) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR);
        PanelCheckView check = ReviewViews.panel(appointments.panelCheck(c, id));
        Review review = reviews.get(c, id).review();
        List<Need> needs =
                check.unmet().stream().map(u -> need(u.rule(), u.message())).toList();
        String done = "LEAD_REVIEWER".equals(appointed) || "PANEL_MEMBER".equals(appointed)
                ? Words.appointmentRole(appointed) + " appointed"
                : null;
        PanelView view =
                new PanelView(review.id(), review.reference(), review.pseudonym(), check.meetsGuidance(), needs, done);
        return Pages.page(
                "pages/appointment/panel-check.jte", pages.chrome("Panel check", "reviews"), Map.of("view", view));
    }

    private static Need need(String rule, String message) {
        return switch (rule) {
            case "LEAD_REVIEWER_APPOINTED" ->
                new Need(
                        rule,
                        "Appoint a lead reviewer",
                        "Someone must lead the review (SCR checklist: Appointing reviewers; [11]).");
            case "INDEPENDENT_LEAD" ->
                new Need(
                        rule,
                        "Appoint a lead reviewer who is independent",
                        "Reviews of serious cases must be led by someone independent of the case and of the"
                                + " organisations whose actions are reviewed [11]. The Chair's override stays on"
                                + " record with its reason, but it does not make the lead independent.");
            case "INDEPENDENT_REVIEWER" ->
                new Need(
                        rule,
                        "Appoint a reviewer who is independent",
                        "At least one appointed reviewer must be independent of the LSCB and of every organisation"
                                + " whose actions the review looks at [11]. A conflict the Chair overrode does not"
                                + " make anyone independent.");
            case "QUALIFIED_REVIEWER" ->
                new Need(
                        rule,
                        "Appoint a reviewer qualified in systems methodology",
                        "At least one appointed reviewer must be suitably qualified in systems methodology, shown"
                                + " by verified, current evidence: a track record, training or a reference [15].");
            default -> new Need(rule, RegisterWords.code(rule), message);
        };
    }
}
