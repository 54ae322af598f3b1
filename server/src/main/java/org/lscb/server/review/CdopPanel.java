package org.lscb.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewReference;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.cdop.Recommendation;
import org.lscb.server.auth.Caller;

/**
 * The child death overview panel's work on a review [27]: its coded analysis, a referral for an SCR [27, 38] and the
 * sign-off that completes the review; and the completion of a management review or audit by the lead board's
 * officers. Access is {@link org.lscb.reviews.ReviewAccess}'s, refusals and changes are audited as
 * {@link ReviewService} audits them.
 */
@ApplicationScoped
public class CdopPanel {

    /** A recommendation as asked: its text and the organisation that acts on it. */
    public record RecommendationRequest(String text, String organisationId) {}

    private ReviewService reviews;
    private Database database;
    private Clock clock;

    protected CdopPanel() {}

    @Inject
    public CdopPanel(ReviewService reviews, Database database) {
        this.reviews = reviews;
        this.database = database;
        this.clock = Clock.system(ReviewService.ENGLAND);
    }

    /** The review with its analysis, when the caller may read the analysis. */
    public ReviewService.Seen analysis(Caller by, String id) {
        return reviews.allowedTo(by, id, Action.READ_ANALYSIS);
    }

    /** Records (replaces) the panel's coded analysis and recommendations. */
    public ReviewService.Seen recordAnalysis(
            Caller by,
            String id,
            DeathCategory category,
            Map<FactorDomain, FactorLevel> factors,
            ModifiableFactors modifiable,
            List<RecommendationRequest> recommendations) {
        return change(by, id, "CDOP analysis", em -> {
            Review r = allowed(em, by, id);
            CdopAnalysis a = new CdopAnalysis(category, factors, modifiable, by.accountId(), clock.instant());
            OrganisationRepository orgs = new OrganisationRepository(em);
            List<Recommendation> recs = new ArrayList<>();
            for (int i = 0; i < recommendations.size(); i++) {
                RecommendationRequest q = recommendations.get(i);
                String field = "recommendations[" + i + "]";
                if (q == null) {
                    throw new InvalidValueException(field, "is required");
                }
                Recommendation rec = new Recommendation(q.text(), q.organisationId(), field);
                if (orgs.byId(rec.organisationId()).isEmpty()) {
                    throw new InvalidValueException(
                            field + ".organisationId", "names no organisation: " + rec.organisationId());
                }
                recs.add(rec);
            }
            r.recordCdopAnalysis(a, recs);
            // codes only: never the recommendations' text, which the analysis answer shows to those entitled
            reviews.audit(
                    em,
                    by,
                    AuditAction.CDOP_ANALYSIS_RECORDED,
                    r,
                    "category " + category.code() + " (" + DeathCategory.SCHEME + "), factors "
                            + factors.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue().mark())
                                    .collect(Collectors.joining(", "))
                            + " (" + FactorLevel.SCALE + "), modifiable " + modifiable + ", " + recs.size()
                            + " recommendations");
            return r;
        });
    }

    /**
     * Opens a linked SCR awaiting the Chair's decision [27, 38]; answers the child death review, which names the SCR
     * (a panel member does not see the SCR itself: the board's officers and Chair do).
     */
    public ReviewService.Seen referForScr(Caller by, String id) {
        return change(by, id, "SCR referral", em -> {
            Review r = allowed(em, by, id);
            ReviewRepository repo = new ReviewRepository(em);
            Review scr = r.referForScr(referenceFor(repo, r), by.accountId(), clock.instant(), reviews.today());
            repo.add(scr);
            reviews.audit(em, by, AuditAction.SCR_REFERRAL_MADE, r, "referred for an SCR: review " + scr.id());
            reviews.audit(
                    em,
                    by,
                    AuditAction.REVIEW_OPENED,
                    scr,
                    scr.type() + " " + scr.reference() + " on the panel's referral of review " + r.id());
            return r;
        });
    }

    /** The panel signs off the review: it is completed and its clocks stop [27]. */
    public ReviewService.Seen signOff(Caller by, String id) {
        return change(by, id, "CDOP sign-off", em -> {
            Review r = allowed(em, by, id);
            r.signOffChildDeath(reviews.today());
            reviews.audit(em, by, AuditAction.REVIEW_COMPLETED, r, "signed off by the panel on " + reviews.today());
            return r;
        });
    }

    /** The lead board's officers complete a management review or a practice audit. */
    public ReviewService.Seen complete(Caller by, String id, LocalDate on) {
        return change(by, id, "completion", em -> {
            Review r = reviews.allowed(em, by, id, Action.MANAGE);
            LocalDate day = on == null ? reviews.today() : on;
            r.completeReview(day, reviews.today());
            reviews.audit(em, by, AuditAction.REVIEW_COMPLETED, r, r.type() + " completed on " + day);
            return r;
        });
    }

    private ReviewService.Seen change(Caller by, String id, String what, Function<EntityManager, Review> work) {
        return reviews.auditingRefusals(
                by,
                id,
                what,
                () -> database.inTransaction(em -> {
                    Review r = work.apply(em);
                    return new ReviewService.Seen(r, reviews.relationsIn(em, by, r));
                }));
    }

    private Review allowed(EntityManager em, Caller by, String id) {
        Review r = reviews.allowed(em, by, id, Action.ANALYSE);
        // two panel members changing the review at once cannot both win: the second gets 409 and reads again
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return r;
    }

    /** "CDN-2026-7F3A9C21-SCR", or with a number after it when that is taken; within the lead board's references. */
    private static String referenceFor(ReviewRepository repo, Review r) {
        String base = r.reference().length() > ReviewReference.MAX - 8
                ? r.reference().substring(0, ReviewReference.MAX - 8)
                : r.reference();
        String ref = base + "-SCR";
        for (int n = 2; repo.referenceTaken(r.leadLscbId(), ref); n++) {
            ref = base + "-SCR-" + n;
        }
        return ref;
    }
}
