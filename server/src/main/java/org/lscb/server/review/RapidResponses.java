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
import org.lscb.reviews.ReviewAccess;
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
        ReviewService.Seen seen = reviews.get(by, id);
        OrganisationKind kind = database.read(em -> organisationKind(em, by));
        if (!RapidResponseRule.mayRecordVisitDecision(seen.relations(), kind)) {
            throw new ForbiddenException(
                    "the visit decision is recorded by the senior investigating police officer, the designated"
                            + " paediatrician or the lead board's officers [32]");
        }
        return reviews.auditingRefusals(
                by,
                id,
                "visit decision " + decision,
                () -> database.inTransaction(em -> {
                    var r = locked(em, by, id);
                    Instant now = reviews.now();
                    r.recordVisitDecision(decision, at, reason, by.accountId(), now);
                    reviews.audit(
                            em,
                            by,
                            AuditAction.VISIT_DECISION_RECORDED,
                            r,
                            decision + " at " + at + (reason == null ? "" : ": " + reason) + "; " + ClockKind.HOME_VISIT
                                    + " met [32]");
                    return new ReviewService.Seen(r, ReviewAccess.relations(r, ReviewService.viewer(em, by)));
                }));
    }

    public ReviewService.Seen recordPostMortem(Caller by, String id, PostMortem pm) {
        ReviewService.Seen seen = reviews.get(by, id);
        if (!RapidResponseRule.mayRecordPostMortem(seen.relations())) {
            throw new ForbiddenException(
                    "the post-mortem is recorded by the designated paediatrician, the coroner or the lead board's"
                            + " officers [36-39]");
        }
        return reviews.auditingRefusals(
                by,
                id,
                "post-mortem",
                () -> database.inTransaction(em -> {
                    var r = locked(em, by, id);
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
                    return new ReviewService.Seen(r, ReviewAccess.relations(r, ReviewService.viewer(em, by)));
                }));
    }

    /** The review under an optimistic lock whose version every change bumps, so two records at once cannot both win. */
    private org.lscb.reviews.Review locked(EntityManager em, Caller by, String id) {
        var r = reviews.visible(em, by, id).review();
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return r;
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
