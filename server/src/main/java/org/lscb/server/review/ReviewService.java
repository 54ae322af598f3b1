package org.lscb.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.ReviewStatus;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrCriteria;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.StatutoryClock;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;

/**
 * Reviews: open, read, decide, move clocks ({@link ReviewAppointments} appoints). Every decision about who may do what goes
 * through {@link ReviewAccess}: a caller with no relation to a review gets the same 404 as for a
 * missing one, and the refusal is audited. Each change is audited in its own transaction.
 */
@ApplicationScoped
public class ReviewService {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** A review and how the caller stands to it. */
    public record Seen(Review review, Set<Relation> relations) {}

    /** What an officer gives when opening a review. */
    public record OpeningRequest(
            ReviewType type,
            String reference,
            String pseudonym,
            String leadLscbId,
            String residenceLscbId,
            String lookedAfterByLscbId,
            Set<String> cooperatingLscbIds,
            Set<String> organisationIds,
            KeyDates dates,
            ChildDeath childDeath) {}

    /** One clock as it reads today. */
    public record ClockReading(ReviewClock clock, StatutoryClock.Reading reading) {}

    private Database database;
    private IndependenceCheck independence;
    private ClockSpans spans;
    private WorkingDays workingDays;
    private Clock clock;
    private RefusalAuditor refusals;

    protected ReviewService() {}

    @Inject
    public ReviewService(Database database, IndependenceCheck independence, ClockSpans spans, WorkingDays workingDays) {
        this.database = database;
        this.independence = independence;
        this.spans = spans;
        this.workingDays = workingDays;
        this.clock = Clock.system(ENGLAND);
        this.refusals = new RefusalAuditor(database, clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * An officer of the lead board opens a review. The lead follows {@link LeadBoardRule} when the board of
     * residence (and, for a looked-after child, the looking-after board) is given: the looking-after board
     * leads only a child death review [25].
     */
    public Seen open(Caller by, OpeningRequest req) {
        LeadBoardRule.Boards boards = LeadBoardRule.derive(
                req.type(),
                req.residenceLscbId(),
                req.lookedAfterByLscbId(),
                req.leadLscbId(),
                req.cooperatingLscbIds());
        if (!by.has(Role.LSCB_OFFICER) || !boards.lead().equals(by.organisationId())) {
            throw new ForbiddenException(
                    "only an officer of the lead board opens a review"); // audited by AccessRefusedAuditFilter
        }
        try {
            return database.inTransaction(em -> {
                OrganisationRepository orgs = new OrganisationRepository(em);
                board(orgs, boards.lead(), "leadLscbId");
                for (String b : boards.cooperating()) {
                    board(orgs, b, "cooperatingLscbIds");
                }
                mustExist(orgs, req.organisationIds());
                Review r = new Review(
                        new Review.Opening(
                                req.type(),
                                req.reference(),
                                req.pseudonym(),
                                boards,
                                req.organisationIds(),
                                req.dates(),
                                req.childDeath(),
                                req.lookedAfterByLscbId() != null),
                        by.accountId(),
                        clock.instant());
                ReviewRepository reviews = new ReviewRepository(em);
                if (reviews.referenceTaken(r.leadLscbId(), r.reference())) {
                    throw duplicate(r.reference());
                }
                reviews.add(r);
                audit(
                        em,
                        by,
                        AuditAction.REVIEW_OPENED,
                        r,
                        r.type() + " " + r.reference() + ", "
                                + r.organisationIds().size() + " organisations");
                return new Seen(r, ReviewAccess.relations(r, viewer(em, by)));
            });
        } catch (PersistenceException e) {
            // two officers opened the same reference at once: the unique constraint decided
            if (database.read(em -> new ReviewRepository(em)
                    .referenceTaken(boards.lead(), req.reference().strip()))) {
                throw duplicate(req.reference());
            }
            throw e;
        }
    }

    private static ReviewRuleException duplicate(String reference) {
        return new ReviewRuleException(
                "duplicate_reference", "the lead board already has a review with reference " + reference);
    }

    public Seen get(Caller by, String id) {
        return database.read(em -> visible(em, by, id));
    }

    /** How the caller stands to a review now (empty when not at all or when there is no such review); not audited. */
    public Set<Relation> relationsTo(Caller by, String id) {
        return database.read(em -> new ReviewRepository(em)
                .byId(id)
                .map(r -> ReviewAccess.relations(r, viewer(em, by)))
                .orElse(Set.of()));
    }

    /** The review if the caller may do {@code action} on it: 404 without a relation, 403 with one that does not allow it. */
    public Seen allowedTo(Caller by, String id, Action action) {
        return database.read(em -> {
            Seen s = visible(em, by, id);
            if (!ReviewAccess.allows(action, s.relations())) {
                throw new ForbiddenException(); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
            }
            return s;
        });
    }

    /** The reviews the caller may see, newest first, filtered by status, type and clock. */
    public Page<Seen> list(Caller by, ReviewStatus status, ReviewType type, ClockStatus clockStatus, Paging paging) {
        return list(by, status, type, clockStatus, false, paging);
    }

    /**
     * The reviews the caller may see, newest first, filtered by status, type and clock, and (when {@code
     * scrReferralPrompted}) to those whose post-mortem prompts a referral for a serious case review [38].
     */
    public Page<Seen> list(
            Caller by,
            ReviewStatus status,
            ReviewType type,
            ClockStatus clockStatus,
            boolean scrReferralPrompted,
            Paging paging) {
        return database.read(em -> {
            ReviewAccess.Viewer viewer = viewer(em, by);
            List<Seen> seen = new ReviewRepository(em)
                    .candidatesFor(viewer).stream()
                            .map(r -> new Seen(r, ReviewAccess.relations(r, viewer)))
                            .filter(s -> !s.relations().isEmpty())
                            .filter(s -> status == null || s.review().status() == status)
                            .filter(s -> type == null || s.review().type() == type)
                            .filter(s -> !scrReferralPrompted
                                    || s.review().rapidResponse().scrReferralPrompted())
                            // a closed or completed review's outstanding clocks count too (ReviewClock#outstanding)
                            .filter(s -> clockStatus == null
                                    || clocks(s.review()).stream()
                                            .anyMatch(c -> c.reading().status() == clockStatus))
                            .toList();
            int from = (int) Math.min(seen.size(), (long) paging.page() * paging.size());
            return new Page<>(seen.size(), seen.subList(from, Math.min(seen.size(), from + paging.size())));
        });
    }

    /** The clocks of a review as they read today, leaving out any the deployment does not run. */
    public List<ClockReading> clocks(Review r) {
        Instant now = clock.instant();
        return r.clocks().stream()
                .flatMap(c -> c.on(now, spans, workingDays).map(reading -> new ClockReading(c, reading)).stream())
                .toList();
    }

    public ScrCriteria.Assessment decide(
            Caller by, String id, ScrFacts facts, ScrDecisionKind decision, String reason, LocalDate decidedOn) {
        return auditingRefusals(
                by,
                id,
                "SCR decision " + decision,
                () -> database.inTransaction(em -> {
                    // the final decision rests with the LSCB Chair [7, 18]: officers prepare, the Chair decides
                    Review r = allowed(em, by, id, Action.DECIDE);
                    ScrCriteria.Assessment a = r.recordScrDecision(
                            facts, decision, reason, decidedOn == null ? today() : decidedOn, by.accountId(), today());
                    audit(
                            em,
                            by,
                            AuditAction.SCR_DECISION_RECORDED,
                            r,
                            decision + " (criteria " + (a.met() ? "met" : "not met") + "): " + reason);
                    return a;
                }));
    }

    /** Pauses (with a reason), resumes or meets one of the review's clocks. */
    public Seen moveClock(Caller by, String id, ClockKind kind, ClockMove move, LocalDate on, String reason) {
        return auditingRefusals(
                by,
                id,
                move + " of clock " + kind,
                () -> database.inTransaction(em -> {
                    Review r = allowed(em, by, id, Action.MANAGE);
                    LocalDate day = on == null ? today() : on;
                    switch (move) {
                        case PAUSE -> r.pauseClock(kind, day, reason, today());
                        case RESUME -> r.resumeClock(kind, day, today());
                        case MET -> r.meetClock(kind, day, today());
                    }
                    AuditAction moved = switch (move) {
                        case PAUSE -> AuditAction.CLOCK_PAUSED;
                        case RESUME -> AuditAction.CLOCK_RESUMED;
                        case MET -> AuditAction.CLOCK_MET;
                    };
                    audit(em, by, moved, r, kind + " on " + day + (reason == null ? "" : ": " + reason));
                    return new Seen(r, ReviewAccess.relations(r, viewer(em, by)));
                }));
    }

    public enum ClockMove {
        PAUSE,
        RESUME,
        MET
    }

    /** Replaces the organisations under review and re-checks every live lead appointment. */
    public Seen changeOrganisations(Caller by, String id, Set<String> organisationIds) {
        return auditingRefusals(
                by,
                id,
                "change of the organisations",
                () -> database.inTransaction(em -> {
                    Review r = allowed(em, by, id, Action.MANAGE);
                    mustExist(new OrganisationRepository(em), organisationIds);
                    ReviewerRepository reviewers = new ReviewerRepository(em);
                    List<Appointment> flagged = r.changeOrganisations(
                            organisationIds,
                            rid -> {
                                Reviewer reviewer = reviewers.byId(rid).orElseThrow();
                                // re-checked against the reviewer as read: a concurrent change to them makes one of the
                                // two 409
                                em.lock(reviewer, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                                return r.independenceOf(reviewer, independence, today());
                            },
                            clock.instant());
                    audit(
                            em,
                            by,
                            AuditAction.REVIEW_ORGANISATIONS_CHANGED,
                            r,
                            "now " + String.join(", ", new java.util.TreeSet<>(organisationIds)));
                    for (Appointment a : flagged) {
                        audit(
                                em,
                                by,
                                AuditAction.APPOINTMENT_FLAGGED,
                                r,
                                "appointment " + a.id() + ": " + a.flagReasons().orElse(""));
                    }
                    return new Seen(r, ReviewAccess.relations(r, viewer(em, by)));
                }));
    }

    /** How the caller stands to a review read in {@code em}. */
    Set<Relation> relationsIn(EntityManager em, Caller by, Review r) {
        return ReviewAccess.relations(r, viewer(em, by));
    }

    public static boolean exists(EntityManager em, String reviewId) {
        return new ReviewRepository(em).byId(reviewId).isPresent();
    }

    /** The review, when the caller may do {@code action} on it; otherwise 404 (no relation) or 403, audited. */
    Review allowed(EntityManager em, Caller by, String id, Action action) {
        Seen s = visible(em, by, id);
        if (!ReviewAccess.allows(action, s.relations())) {
            throw new ForbiddenException(); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
        }
        if (action == Action.MANAGE || action == Action.DECIDE) {
            // every change bumps the review's version, so two officers changing it at once cannot both win
            // (two pauses, the same lead twice): the second gets 409 and reads again
            em.lock(s.review(), jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return s.review();
    }

    Seen visible(EntityManager em, Caller by, String id) {
        Optional<Review> r = new ReviewRepository(em).byId(id);
        Set<Relation> rel =
                r.map(review -> ReviewAccess.relations(review, viewer(em, by))).orElse(Set.of());
        if (rel.isEmpty()) {
            refused(by, id, r.isPresent() ? "no relation to the review" : "no such review");
            throw new NotFoundException();
        }
        return new Seen(r.get(), rel);
    }

    /**
     * docs/security.md: bad input that touches a review leaves a line in its audit log. A change the review's rules
     * refuse (an SCR declined although the criteria are met, a clock moved wrongly, an appointment that cannot
     * be made or ended) is audited in a transaction of its own, as the change's rolls back. Access refusals are
     * audited where they are decided ({@link #refused}).
     */
    <T> T auditingRefusals(Caller by, String reviewId, String what, java.util.function.Supplier<T> change) {
        return refusals.auditing(
                CHANGE_REFUSALS,
                RefusalAuditor.Target.review(by.accountId(), reviewId),
                e -> what + ": " + e.getMessage(),
                change);
    }

    private static final RefusalAuditor.Policy CHANGE_REFUSALS = RefusalAuditor.Policy.of(
            AuditAction.REVIEW_CHANGE_REFUSED,
            InvalidValueException.class,
            ReviewRuleException.class,
            org.lscb.reviews.UnknownAppointmentException.class);

    /** docs/security.md: a request outside the access policy is audited. Its own transaction, as the caller's rolls back. */
    private void refused(Caller by, String reviewId, String why) {
        String shown = reviewId == null ? "-" : reviewId.length() > 64 ? reviewId.substring(0, 64) : reviewId;
        database.inTransaction(em -> {
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(), by.accountId(), AuditAction.REVIEW_ACCESS_REFUSED, "review", shown)
                            .forReview(shown.length() <= 36 ? shown : null)
                            .withDetails(why));
            return null;
        });
    }

    private static ReviewAccess.Viewer viewer(EntityManager em, Caller by) {
        Optional<String> reviewerId =
                new ReviewerRepository(em).byAccount(by.accountId()).map(Reviewer::id);
        return new ReviewAccess.Viewer(by.accountId(), by.roles(), by.organisationId(), reviewerId);
    }

    private static void board(OrganisationRepository orgs, String id, String field) {
        Organisation o =
                orgs.byId(id).orElseThrow(() -> new InvalidValueException(field, "names no organisation: " + id));
        if (!o.isBoard()) {
            throw new InvalidValueException(field, "names " + o.name() + ", which is not an LSCB");
        }
    }

    private static void mustExist(OrganisationRepository orgs, Set<String> ids) {
        Set<String> known = orgs.existing(ids);
        ids.stream().filter(i -> !known.contains(i)).findFirst().ifPresent(i -> {
            throw new InvalidValueException("organisationIds", "names no organisation: " + i);
        });
    }

    void audit(EntityManager em, Caller by, AuditAction action, Review r, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "review", r.id())
                        .forReview(r.id())
                        .withDetails(details));
    }
}
