package org.lscb.server.web.review;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.server.auth.Caller;
import org.lscb.server.organisation.OrganisationService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.review.ReviewViews.ReviewView;
import org.lscb.server.reviewer.ReviewerService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * A review's page for everyone who may see it: what {@code GET /api/v1/reviews/{id}} answers them, from the same
 * service call ({@link ReviewService#get}, so a review of another board is "Page not found", as the API's 404),
 * with the boards and organisations by name, the statutory clocks as a timeline, the SCR decision and the
 * appointments; and links to what the caller may do with it, as the access policy allows
 * (docs/domain.md "Appointments and access").
 */
@Path("reviews/{id}")
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    /** Every role may ask, as the API's {@code @RolesAllowed} on {@code GET /reviews/{id}}; the relation decides. */
    private static final Role[] ANY_ROLE = Role.values();

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;
    private OrganisationService organisations;
    private ReviewerService reviewers;

    protected ReviewPage() {}

    @Inject
    public ReviewPage(
            SignedIn signedIn,
            Pages pages,
            ReviewService reviews,
            OrganisationService organisations,
            ReviewerService reviewers) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
        this.organisations = organisations;
        this.reviewers = reviewers;
    }

    @GET
    public Response review(@PathParam("id") String id, @QueryParam("done") String done) {
        Caller c = signedIn.withAnyRole(ANY_ROLE);
        ReviewService.Seen seen = reviews.get(c, id);
        ReviewView v = ReviewViews.of(seen, reviews.clocks(seen.review()));
        ReviewScreen screen = ReviewScreen.of(
                v,
                organisationNames(v),
                reviewerNames(c, v),
                new ReviewScreen.Allowed(
                        ReviewAccess.allows(Action.MANAGE, seen.relations()),
                        ReviewAccess.allows(Action.CHECK_PANEL, seen.relations()),
                        ReviewAccess.allows(Action.DECIDE, seen.relations())),
                done);
        return Pages.page("pages/review/review.jte", pages.chrome(v.reference(), "reviews"), Map.of("view", screen));
    }

    /** The names of the boards and organisations the review already shows the caller by id. */
    private Map<String, String> organisationNames(ReviewView v) {
        Map<String, String> names = new LinkedHashMap<>();
        Stream.of(Stream.of(v.leadLscbId()), v.cooperatingLscbIds().stream(), v.organisationIds().stream())
                .flatMap(s -> s)
                .distinct()
                .forEach(oid -> organisations.find(oid).map(Organisation::name).ifPresent(n -> names.put(oid, n)));
        return names;
    }

    /**
     * The appointed reviewers' names, for an officer, who reads every profile on the register
     * ({@link ReviewerService#get}); others see the role and the day only.
     */
    private Map<String, String> reviewerNames(Caller c, ReviewView v) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!c.has(Role.LSCB_OFFICER)) {
            return names;
        }
        v.appointments().stream()
                .filter(a -> a.reviewerId() != null && a.endedAt() == null)
                .forEach(a -> {
                    try {
                        names.put(
                                a.reviewerId(), reviewers.get(c, a.reviewerId()).displayName());
                    } catch (NotFoundException gone) {
                        // a profile the officer may not read shows by its role alone
                    }
                });
        return names;
    }
}
