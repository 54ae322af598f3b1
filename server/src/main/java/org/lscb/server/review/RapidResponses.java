package org.lscb.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ForbiddenException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.RapidResponseRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.VisitDecision;
import org.lscb.server.auth.Caller;

/**
 * The rapid response to an unexpected child death on its review: the visit decision [32] and the post-mortem
 * [36-39]. Who records each is {@link RapidResponseRule}'s answer: no relation to the review is 404, a relation
 * the rule does not name is 403 (audited by {@code AccessRefusedAuditFilter}). Each record and each refused one
 * is audited with the review.
 */
@ApplicationScoped
public class RapidResponses {

    private Database database;
    private ReviewService reviews;

    protected RapidResponses() {}

    @Inject
    public RapidResponses(Database database, ReviewService reviews) {
        this.database = database;
        this.reviews = reviews;
    }

    /** The post-mortem as given; the days are checked by the review. */
    public record PostMortem(
            LocalDate finalReportOn,
            Boolean inquestOpened,
            Boolean suggestsAbuseOrNeglect,
            LocalDate caseDiscussionOn) {}

    public ReviewService.Seen recordVisitDecision(
            Caller by, String id, VisitDecision decision, Instant at, String reason) {
        return reviews.auditingRefusals(
                by,
                id,
                "visit decision " + decision,
                () -> database.inTransaction(em -> {
                    ReviewService.Seen seen = locked(em, by, id);
                    if (!RapidResponseRule.mayRecordVisitDecision(seen.relations(), organisationKind(em, by))) {
                        throw new ForbiddenException(
                                "the visit decision is recorded by the senior investigating police officer, the"
                                        + " designated paediatrician or the lead board's officers [32]");
                    }
                    Review r = seen.review();
                    r.recordVisitDecision(decision, at, reason, by.accountId(), reviews.now());
                    reviews.audit(
                            em,
                            by,
                            AuditAction.VISIT_DECISION_RECORDED,
                            r,
                            decision + " at " + at + (reason == null ? "" : ": " + reason) + "; " + ClockKind.HOME_VISIT
                                    + " met [32]");
                    return seen;
                }));
    }

    public ReviewService.Seen recordPostMortem(Caller by, String id, PostMortem pm) {
        return reviews.auditingRefusals(
                by,
                id,
                "post-mortem",
                () -> database.inTransaction(em -> {
                    ReviewService.Seen seen = locked(em, by, id);
                    if (!RapidResponseRule.mayRecordPostMortem(seen.relations())) {
                        throw new ForbiddenException(
                                "the post-mortem is recorded by the designated paediatrician, the coroner or the lead"
                                        + " board's officers [36-39]");
                    }
                    Review r = seen.review();
                    List<ClockKind> lifted = r.recordPostMortem(
                            pm.finalReportOn(),
                            pm.inquestOpened(),
                            pm.suggestsAbuseOrNeglect(),
                            pm.caseDiscussionOn(),
                            by.accountId(),
                            reviews.now(),
                            reviews.today());
                    reviews.audit(
                            em,
                            by,
                            AuditAction.POST_MORTEM_RECORDED,
                            r,
                            "final report " + pm.finalReportOn() + ", inquest "
                                    + (pm.inquestOpened() ? "opened" : "not opened")
                                    + (pm.suggestsAbuseOrNeglect()
                                            ? ", suggests abuse or neglect: SCR referral prompted [38]"
                                            : "")
                                    + (pm.caseDiscussionOn() == null
                                            ? ", case discussion awaited [39]"
                                            : ", case discussion held " + pm.caseDiscussionOn())
                                    + (lifted.isEmpty() ? "" : "; no longer owed without an inquest [37]: " + lifted));
                    return seen;
                }));
    }

    /**
     * The review as the caller sees it (404, audited, without a relation), under an optimistic lock whose version
     * every change bumps, so two records at once cannot both win. Recording changes no relation to the review.
     */
    private ReviewService.Seen locked(EntityManager em, Caller by, String id) {
        ReviewService.Seen seen = reviews.visible(em, by, id);
        em.lock(seen.review(), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return seen;
    }

    private static OrganisationKind organisationKind(EntityManager em, Caller by) {
        return by.organisationId() == null
                ? null
                : new OrganisationRepository(em)
                        .byId(by.organisationId())
                        .map(Organisation::kind)
                        .orElse(null);
    }
}
