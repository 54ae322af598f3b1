package org.lscb.server.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.action.ActionStateRule;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * Action plans (docs/domain.md "Action plans"): the lead board's officers and Chairs turn a review's
 * recommendations into actions an organisation owns [9]; the board's officers and the owning organisation's users
 * report progress as {@link ActionStateRule} allows [11, 19]. Who sees an action is
 * {@link ImprovementAction#shownTo}: anyone else, another board's people first, is told it does not exist (404).
 * Every change and every refused one is audited.
 */
@ApplicationScoped
public class ImprovementActions {

    /** An action as it stands today, with the names a person reads it by. */
    public record Status(
            ImprovementAction action,
            String reviewReference,
            String reviewPseudonym,
            String organisationName,
            boolean overdue,
            Optional<String> evidenceDocumentTitle) {}

    /** An organisation that may own an action of a review: the lead board and the partners it covers. */
    public record Owner(String id, String name) {}

    /** What the action plan page offers: the review, its actions, who may own one and what the caller may do. */
    public record Plan(
            String reviewId,
            String reviewReference,
            String reviewPseudonym,
            List<Status> actions,
            List<Owner> owners,
            boolean mayCreate) {}

    /** What a change asks: the plan's parts (the board's) and the progress (the board's or the owner's). */
    public record Change(ImprovementAction.Plan plan, ImprovementAction.Progress progress) {}

    private static final RefusalAuditor.Policy REFUSALS = RefusalAuditor.Policy.of(
            AuditAction.ACTION_CHANGE_REFUSED, InvalidValueException.class, ReviewRuleException.class);

    private Database database;
    private ReviewService reviews;
    private Clock clock;
    private RefusalAuditor refusals;

    protected ImprovementActions() {}

    @Inject
    public ImprovementActions(Database database, ReviewService reviews) {
        this.database = database;
        this.reviews = reviews;
        this.clock = Clock.systemUTC();
        this.refusals = new RefusalAuditor(database, clock);
    }

    /** The review's action plan as the caller is shown it; 404 to anyone shown nothing of it. */
    public Plan plan(Caller by, String reviewId) {
        Set<Relation> relations = reviews.relationsTo(by, reviewId);
        boolean mayCreate = mayCreate(relations);
        Optional<Plan> plan = database.read(em -> new ReviewRepository(em)
                .byId(reviewId)
                .map(r -> new Plan(
                        r.id(),
                        r.reference(),
                        r.pseudonym(),
                        new ImprovementActionRepository(em)
                                .ofReview(reviewId).stream()
                                        .filter(a ->
                                                a.shownTo(relations, by.has(Role.AGENCY_USER), by.organisationId()))
                                        .map(a -> status(em, a, r))
                                        .toList(),
                        mayCreate ? owners(em, r) : List.of(),
                        mayCreate)));
        if (relations.isEmpty() && plan.map(p -> p.actions().isEmpty()).orElse(true)) {
            reviews.get(by, reviewId); // no relation and no action of the caller's own: 404, audited as for the review
        }
        return plan.orElseThrow(NotFoundException::new);
    }

    /** The lead board's officers and Chairs record an action; 404 without a relation, 403 with another. */
    public Status create(Caller by, String reviewId, ImprovementAction.Plan plan) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        if (!mayCreate(seen.relations())) {
            throw new ForbiddenException(); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
        }
        return refusals.auditing(
                REFUSALS,
                RefusalAuditor.Target.review(by.accountId(), reviewId),
                e -> "action: " + e.getMessage(),
                () -> database.inTransaction(em -> {
                    Review r = new ReviewRepository(em).byId(reviewId).orElseThrow(NotFoundException::new);
                    ImprovementAction a = new ImprovementAction(
                            r,
                            plan,
                            new OrganisationRepository(em).membersOf(r.leadLscbId()),
                            by.accountId(),
                            clock.instant(),
                            reviews.today());
                    new ImprovementActionRepository(em).add(a);
                    audit(
                            em,
                            by,
                            AuditAction.ACTION_CREATED,
                            a,
                            "owned by organisation " + a.organisationId() + ", due " + a.dueOn());
                    return status(em, a, r);
                }));
    }

    /** One action; 404 when the caller is not shown it. */
    public Status one(Caller by, String actionId) {
        ImprovementAction a = shown(by, actionId).action();
        return database.read(em -> status(em, a, review(em, a)));
    }

    /**
     * The board's officers change any part; the owning organisation's users report progress only, on the actions
     * their organisation owns. A Chair or a cooperating board reads and changes nothing (403).
     */
    public Status update(Caller by, String actionId, Change change) {
        Shown shown = shown(by, actionId);
        ImprovementAction seen = shown.action();
        ActionStateRule.Mover mover = shown.mover()
                .orElseThrow(() -> new ForbiddenException(
                        "only the lead board's officers and the owning organisation change an action"));
        if (mover == ActionStateRule.Mover.OWNER && changesThePlan(seen, change.plan())) {
            throw new ForbiddenException("only the board's officers change what an action is, who owns it and when");
        }
        return refusals.auditing(
                REFUSALS,
                new RefusalAuditor.Target(by.accountId(), "improvement_action", seen.id(), seen.reviewId()),
                e -> "action: " + e.getMessage(),
                () -> database.inTransaction(em -> {
                    ImprovementAction a =
                            new ImprovementActionRepository(em).byId(actionId).orElseThrow(NotFoundException::new);
                    if (a.version() != seen.version()) {
                        throw new jakarta.persistence.OptimisticLockException("the action changed meanwhile");
                    }
                    ActionStatus before = a.status();
                    if (mover == ActionStateRule.Mover.BOARD) {
                        a.replan(
                                change.plan(),
                                new OrganisationRepository(em).membersOf(a.leadLscbId()),
                                reviews.today(),
                                by.accountId(),
                                clock.instant());
                    }
                    String document = change.progress().evidenceDocumentId();
                    if (document != null && !document.isBlank()) {
                        evidenceDocument(em, by, mover, a, document.strip());
                    }
                    a.report(change.progress(), mover, by.accountId(), clock.instant());
                    audit(
                            em,
                            by,
                            AuditAction.ACTION_UPDATED,
                            a,
                            before + " to " + a.status() + ", due " + a.dueOn()
                                    + (a.evidenceDocumentId().isPresent()
                                            ? ", evidence document "
                                                    + a.evidenceDocumentId().get()
                                            : "")
                                    + (a.evidenceNote().isPresent() ? ", evidence note" : ""));
                    return status(em, a, review(em, a));
                }));
    }

    /**
     * The board's view, for its officers and Chairs: every action of the reviews it leads; an agency user's: the
     * actions their organisation owns. Filtered by status and by overdue, soonest due first.
     */
    public List<Status> list(Caller by, ActionStatus status, boolean overdueOnly) {
        LocalDate today = reviews.today();
        return database.read(em -> {
            ImprovementActionRepository actions = new ImprovementActionRepository(em);
            List<ImprovementAction> found;
            if ((by.has(Role.LSCB_OFFICER) || by.has(Role.LSCB_CHAIR)) && by.organisationId() != null) {
                found = actions.ledBy(by.organisationId());
            } else if (by.has(Role.AGENCY_USER) && by.organisationId() != null) {
                found = actions.ownedBy(by.organisationId());
            } else {
                found = List.of();
            }
            Map<String, Review> byId = new HashMap<>();
            return found.stream()
                    .filter(a -> status == null || a.status() == status)
                    .filter(a -> !overdueOnly || a.overdueOn(today))
                    .map(a -> status(em, a, byId.computeIfAbsent(a.reviewId(), id -> review(em, a))))
                    .sorted(Comparator.comparing((Status s) -> s.action().dueOn()))
                    .toList();
        });
    }

    /** A document of the review the caller may give as evidence of impact. */
    public record Evidence(String id, String title) {}

    /** An action with what the caller may do to it, for its page: update it, and with which documents. */
    public record Editing(Status status, boolean mayUpdate, List<Evidence> documents) {}

    /** One action, whether the caller may update it, and the documents they may give as evidence; 404 as {@link #one}. */
    public Editing editing(Caller by, String actionId) {
        Shown shown = shown(by, actionId);
        ImprovementAction a = shown.action();
        Optional<ActionStateRule.Mover> may = shown.mover();
        return database.read(em -> {
            List<Evidence> documents = may.isEmpty()
                    ? List.of()
                    : new DocumentRepository(em)
                            .ofReview(a.reviewId()).stream()
                                    .filter(d -> may.get() == ActionStateRule.Mover.BOARD
                                            || d.organisationId()
                                                    .map(o -> o.equals(by.organisationId()))
                                                    .orElse(false))
                                    .map(d -> new Evidence(d.id(), d.title() + " (version " + d.version() + ")"))
                                    .toList();
            return new Editing(status(em, a, review(em, a)), may.isPresent(), documents);
        });
    }

    private static boolean mayCreate(Set<Relation> relations) {
        return relations.contains(Relation.LEAD_BOARD_OFFICER) || relations.contains(Relation.LEAD_BOARD_CHAIR);
    }

    /** An action the caller is shown, and who they move it as: none for those who only read it. */
    private record Shown(ImprovementAction action, Optional<ActionStateRule.Mover> mover) {}

    /** The action if the caller is shown it, with who they move it as; 404 otherwise, audited. */
    private Shown shown(Caller by, String actionId) {
        Optional<ImprovementAction> found = database.read(em -> new ImprovementActionRepository(em).byId(actionId));
        if (found.isPresent()) {
            ImprovementAction a = found.get();
            Set<Relation> relations = reviews.relationsTo(by, a.reviewId());
            if (a.shownTo(relations, by.has(Role.AGENCY_USER), by.organisationId())) {
                return new Shown(a, mover(by, a, relations));
            }
        }
        refused(by, found, actionId);
        throw new NotFoundException();
    }

    /** Who moves the action: the lead board's officers, or a user of the owning organisation; nobody else. */
    private static Optional<ActionStateRule.Mover> mover(Caller by, ImprovementAction a, Set<Relation> relations) {
        if (relations.contains(Relation.LEAD_BOARD_OFFICER)) {
            return Optional.of(ActionStateRule.Mover.BOARD);
        }
        if (by.has(Role.AGENCY_USER) && a.organisationId().equals(by.organisationId())) {
            return Optional.of(ActionStateRule.Mover.OWNER);
        }
        return Optional.empty();
    }

    private static boolean changesThePlan(ImprovementAction a, ImprovementAction.Plan p) {
        return (p.recommendation() != null && !p.recommendation().strip().equals(a.recommendation()))
                || (p.organisationId() != null && !p.organisationId().equals(a.organisationId()))
                || (p.change() != null && !p.change().strip().equals(a.change()))
                || (p.dueOn() != null && !p.dueOn().equals(a.dueOn()));
    }

    /**
     * Evidence of impact may be a document of the same review already in the exchange: one the caller may vouch
     * for, that is any of the review's for the board, one their own organisation sent for the owner.
     */
    private static void evidenceDocument(
            EntityManager em, Caller by, ActionStateRule.Mover mover, ImprovementAction a, String documentId) {
        Optional<Document> d = new DocumentRepository(em).byId(documentId);
        boolean ofThisReview = d.map(x -> x.reviewId().equals(a.reviewId())).orElse(false);
        boolean vouched = mover == ActionStateRule.Mover.BOARD
                || d.flatMap(Document::organisationId)
                        .map(o -> o.equals(by.organisationId()))
                        .orElse(false);
        if (!ofThisReview || !vouched) {
            throw new InvalidValueException(
                    "evidenceDocumentId",
                    mover == ActionStateRule.Mover.BOARD
                            ? "must be a document of this review"
                            : "must be a document your organisation sent to this review");
        }
    }

    private Status status(EntityManager em, ImprovementAction a, Review r) {
        String organisation = new OrganisationRepository(em)
                .byId(a.organisationId())
                .map(Organisation::name)
                .orElse(a.organisationId());
        Optional<String> title = a.evidenceDocumentId()
                .flatMap(id -> new DocumentRepository(em).byId(id))
                .map(d -> d.title() + " (version " + d.version() + ")");
        return new Status(a, r.reference(), r.pseudonym(), organisation, a.overdueOn(reviews.today()), title);
    }

    private static Review review(EntityManager em, ImprovementAction a) {
        return new ReviewRepository(em).byId(a.reviewId()).orElseThrow();
    }

    private static List<Owner> owners(EntityManager em, Review r) {
        OrganisationRepository orgs = new OrganisationRepository(em);
        Owner board = new Owner(
                r.leadLscbId(),
                orgs.byId(r.leadLscbId()).map(Organisation::name).orElse(r.leadLscbId()));
        List<Owner> partners = orgs.memberOrganisations(r.leadLscbId()).stream()
                .map(o -> new Owner(o.id(), o.name()))
                .sorted(Comparator.comparing(Owner::name))
                .toList();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(board), partners.stream())
                .toList();
    }

    private void audit(EntityManager em, Caller by, AuditAction action, ImprovementAction a, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "improvement_action", a.id())
                        .forReview(a.reviewId())
                        .withDetails(details));
    }

    /** docs/security.md: a request for an action the caller is not shown is audited; its own transaction. */
    private void refused(Caller by, Optional<ImprovementAction> found, String actionId) {
        String shown = actionId == null ? "-" : actionId.length() > 64 ? actionId.substring(0, 64) : actionId;
        database.inTransaction(em -> {
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.REVIEW_ACCESS_REFUSED,
                                    "improvement_action",
                                    shown)
                            .forReview(found.map(ImprovementAction::reviewId).orElse(null))
                            .withDetails(found.isPresent() ? "action not shown to the caller" : "no such action"));
            return null;
        });
    }
}
