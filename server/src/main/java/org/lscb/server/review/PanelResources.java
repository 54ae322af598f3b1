package org.lscb.server.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.cdop.Recommendation;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.RejectUnknownFields;
import org.lscb.server.review.ReviewViews.ReviewView;

/**
 * The child death overview panel's endpoints on a review (docs/api.md "The panel") and the completion of a
 * management review or audit. Each is a root resource of its own full path, so none of them shadows the paths of
 * {@link ReviewsResource}.
 */
public final class PanelResources {

    private static final String OFFICER = "LSCB_OFFICER";
    private static final String CDOP = "CDOP_MEMBER";
    private static final String CHAIR = "LSCB_CHAIR";

    private PanelResources() {}

    @RejectUnknownFields
    public record FactorsBody(
            String intrinsicToChild, String socialEnvironment, String physicalEnvironment, String serviceProvision) {}

    @RejectUnknownFields
    public record RecommendationBody(String text, String organisationId) {}

    /** Codes only, and short recommendation lines: an unknown field (a narrative, a name) is refused, not dropped. */
    @RejectUnknownFields
    public record AnalysisBody(
            Integer category,
            FactorsBody factors,
            String modifiableFactors,
            List<RecommendationBody> recommendations) {}

    @RejectUnknownFields
    public record CompletionBody(String on) {}

    /** {@code GET} and {@code PUT /api/v1/reviews/{id}/cdop-analysis}. */
    @Path("reviews/{id}/cdop-analysis")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Analysis {

        private CdopPanel panel;
        private CallerResolver callers;

        protected Analysis() {}

        @Inject
        public Analysis(CdopPanel panel, CallerResolver callers) {
            this.panel = panel;
            this.callers = callers;
        }

        @GET
        @RolesAllowed({OFFICER, CHAIR, CDOP})
        public ReviewViews.AnalysisView read(@PathParam("id") String id) {
            return ReviewViews.analysis(panel.analysis(callers.caller(), id).review());
        }

        @PUT
        @RolesAllowed({OFFICER, CDOP})
        public ReviewViews.AnalysisView record(@PathParam("id") String id, AnalysisBody body) {
            if (body == null) {
                throw new InvalidValueException("body", "is required");
            }
            DeathCategory category = DeathCategory.of(body.category(), "category");
            FactorsBody f = body.factors();
            if (f == null) {
                throw new InvalidValueException("factors", "is required: a level for each of the four domains");
            }
            Map<FactorDomain, FactorLevel> factors = new EnumMap<>(FactorDomain.class);
            factors.put(
                    FactorDomain.INTRINSIC_TO_CHILD, FactorLevel.of(f.intrinsicToChild(), "factors.intrinsicToChild"));
            factors.put(
                    FactorDomain.SOCIAL_ENVIRONMENT,
                    FactorLevel.of(f.socialEnvironment(), "factors.socialEnvironment"));
            factors.put(
                    FactorDomain.PHYSICAL_ENVIRONMENT,
                    FactorLevel.of(f.physicalEnvironment(), "factors.physicalEnvironment"));
            factors.put(
                    FactorDomain.SERVICE_PROVISION, FactorLevel.of(f.serviceProvision(), "factors.serviceProvision"));
            ModifiableFactors modifiable =
                    Enums.parse(ModifiableFactors.class, body.modifiableFactors(), "modifiableFactors");
            List<RecommendationBody> recs = body.recommendations() == null ? List.of() : body.recommendations();
            if (recs.size() > Recommendation.MAX_PER_REVIEW) {
                throw new InvalidValueException(
                        "recommendations", "must hold at most " + Recommendation.MAX_PER_REVIEW + " recommendations");
            }
            ReviewService.Seen seen = panel.recordAnalysis(
                    callers.caller(),
                    id,
                    category,
                    factors,
                    modifiable,
                    recs.stream()
                            .map(r -> r == null
                                    ? null
                                    : new CdopPanel.RecommendationRequest(r.text(), r.organisationId()))
                            .toList());
            return ReviewViews.analysis(seen.review());
        }
    }

    /** What the panel's steps on a review share: the services, and the review as they answer it. */
    abstract static class Step {

        CdopPanel panel;
        ReviewService reviews;
        CallerResolver callers;

        Step() {}

        Step(CdopPanel panel, ReviewService reviews, CallerResolver callers) {
            this.panel = panel;
            this.reviews = reviews;
            this.callers = callers;
        }

        ReviewView view(ReviewService.Seen seen) {
            return ReviewViews.of(seen, reviews.clocks(seen.review()));
        }
    }

    /** {@code POST /api/v1/reviews/{id}/scr-referral}: opens a linked SCR awaiting the Chair's decision [27, 38]. */
    @Path("reviews/{id}/scr-referral")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Referral extends Step {

        protected Referral() {}

        @Inject
        public Referral(CdopPanel panel, ReviewService reviews, CallerResolver callers) {
            super(panel, reviews, callers);
        }

        @POST
        @RolesAllowed({OFFICER, CDOP})
        public ReviewView refer(@PathParam("id") String id) {
            return view(panel.referForScr(callers.caller(), id));
        }
    }

    /** {@code POST /api/v1/reviews/{id}/cdop-sign-off}: the panel completes a child death review [27]. */
    @Path("reviews/{id}/cdop-sign-off")
    @Produces(MediaType.APPLICATION_JSON)
    public static class SignOff extends Step {

        protected SignOff() {}

        @Inject
        public SignOff(CdopPanel panel, ReviewService reviews, CallerResolver callers) {
            super(panel, reviews, callers);
        }

        @POST
        @RolesAllowed({OFFICER, CDOP})
        public ReviewView signOff(@PathParam("id") String id) {
            return view(panel.signOff(callers.caller(), id));
        }
    }

    /** {@code POST /api/v1/reviews/{id}/completion}: the lead board's officers complete a management review or audit. */
    @Path("reviews/{id}/completion")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Completion extends Step {

        protected Completion() {}

        @Inject
        public Completion(CdopPanel panel, ReviewService reviews, CallerResolver callers) {
            super(panel, reviews, callers);
        }

        @POST
        @RolesAllowed(OFFICER)
        public ReviewView complete(@PathParam("id") String id, CompletionBody body) {
            return view(panel.complete(callers.caller(), id, body == null ? null : Dates.optional(body.on(), "on")));
        }
    }
}
