package org.lscb.server.reviewer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.ProfileStewardship;
import org.lscb.registry.reviewer.ProfileStewardship.Change;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.registry.search.ReviewerHits;
import org.lscb.registry.search.ReviewerQuery;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.server.auth.Caller;

/**
 * The register's application service. Who may do what: LSCB officers and administrators read any profile
 * and search the whole register; changes follow {@link ProfileStewardship} (the reviewer, the boards that
 * appointed or registered them); any board's officer verifies evidence or withdraws a verification with a
 * reason; a reviewer sees only their own profile and never verifies their own evidence. Each change is
 * audited in its transaction and is in the search index when the call returns.
 */
@ApplicationScoped
public class ReviewerService {

    /** England's calendar decides which day "today" is for qualification and independence. */
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private Database database;
    private ReviewerSearch search;
    private QualificationRule qualification;
    private IndependenceCheck independence;
    private Clock clock;
    private org.lscb.server.review.ReviewAppointments appointments;
    private org.lscb.server.review.ReviewService reviews;
    /** Organisation ids seen to exist; organisations are never deleted, so a hit needs no database trip. */
    private final Set<String> knownOrganisations = java.util.concurrent.ConcurrentHashMap.newKeySet();

    protected ReviewerService() {}

    @Inject
    public ReviewerService(
            Database database,
            ReviewerSearch search,
            QualificationRule qualification,
            IndependenceCheck independence,
            org.lscb.server.review.ReviewAppointments appointments,
            org.lscb.server.review.ReviewService reviews) {
        this.appointments = appointments;
        this.reviews = reviews;
        this.database = database;
        this.search = search;
        this.qualification = qualification;
        this.independence = independence;
        this.clock = Clock.system(ENGLAND);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A reviewer registers themselves: the profile is linked to their account, so that they can edit
     * it and can never verify its evidence, even when they are also an officer. An officer who is not
     * a reviewer registers someone else.
     */
    public Reviewer create(Caller by, Reviewer.Profile profile) {
        boolean self = by.has(Role.REVIEWER);
        Reviewer created;
        try {
            created = database.inTransaction(em -> {
                ReviewerRepository reviewers = new ReviewerRepository(em);
                if (self && reviewers.byAccount(by.accountId()).isPresent()) {
                    throw alreadyRegistered();
                }
                String registeringBoard = !self && by.has(Role.LSCB_OFFICER) ? by.organisationId() : null;
                Reviewer r = new Reviewer(self ? by.accountId() : null, registeringBoard, profile, clock.instant());
                reviewers.add(r);
                audit(em, by, AuditAction.REVIEWER_CREATED, r, r.displayName());
                return r;
            });
        } catch (jakarta.persistence.PersistenceException e) {
            // the same account registered at the same moment from another request: the unique key refused this one
            if (self
                    && database.read(em -> new ReviewerRepository(em).byAccount(by.accountId()))
                            .isPresent()) {
                throw alreadyRegistered();
            }
            throw e;
        }
        search.catchUpAfterCommit();
        return created;
    }

    private static InvalidValueException alreadyRegistered() {
        return new InvalidValueException("accountId", "this account already has a reviewer profile");
    }

    /**
     * The register entry linked to the caller's own account (a reviewer who registered themselves), if any: what
     * a reviewer reads and changes as "their profile" without knowing its id. Only their own entry can come back,
     * so nothing here widens {@link #get}.
     */
    public Optional<Reviewer> own(Caller by) {
        return database.read(em -> new ReviewerRepository(em).byAccount(by.accountId()));
    }

    public Reviewer get(Caller by, String id) {
        return database.read(em -> visible(em, by, id));
    }

    public Reviewer update(Caller by, String id, Reviewer.Profile profile) {
        return change(by, id, Change.PROFILE, AuditAction.REVIEWER_UPDATED, (r, now) -> {
            r.update(profile, now);
            return r.displayName();
        });
    }

    public Evidence addEvidence(Caller by, String id, Evidence evidence) {
        Evidence[] added = new Evidence[1];
        change(by, id, Change.EVIDENCE, AuditAction.EVIDENCE_ADDED, (r, now) -> {
            added[0] = r.addEvidence(evidence, now);
            return evidence.type() + " " + evidence.id();
        });
        return added[0];
    }

    /**
     * An officer verifies (or, with {@code verified=false}, withdraws) a piece of evidence. docs/domain.md: evidence
     * is verified by an LSCB officer; an administrator runs the deployment and does not vouch for reviewers.
     * Any board's officer may do either, as the register is shared: a withdrawal needs its reason, is undone by
     * a new verification, and is written into the audit of every review the reviewer is appointed to, so that
     * each board whose panel it touches sees it.
     */
    public Reviewer verifyEvidence(Caller by, String id, String evidenceId, boolean verified, String note) {
        if (!by.has(Role.LSCB_OFFICER)) {
            throw new ForbiddenException("only LSCB officers verify evidence");
        }
        if (!verified && (note == null || note.isBlank())) {
            throw new InvalidValueException(
                    "note", "is required when withdrawing a verification: say why, for every board that relies on it");
        }
        return change(
                by, id, null, verified ? AuditAction.EVIDENCE_VERIFIED : AuditAction.EVIDENCE_WITHDRAWN, (r, now) -> {
                    if (verified) {
                        r.verifyEvidence(evidenceId, by.accountId(), now, note);
                    } else {
                        r.evidence().stream()
                                .filter(e -> e.id().equals(evidenceId))
                                .findFirst()
                                .orElseThrow(NotFoundException::new)
                                .withdraw(by.accountId(), now, note);
                    }
                    return "evidence " + evidenceId + (verified ? "" : ", reason: " + note.strip());
                });
    }

    public Reviewer addAffiliation(Caller by, String id, Affiliation affiliation) {
        return change(
                by,
                id,
                Change.AFFILIATION,
                AuditAction.AFFILIATION_ADDED,
                (r, now) -> {
                    r.addAffiliation(affiliation, now);
                    return affiliation.kind() + " with " + affiliation.organisationId();
                },
                affiliation.organisationId());
    }

    /** A review the caller cannot see answers exactly as a missing one: its existence does not leak. */
    public Reviewer declareInterest(Caller by, String id, DeclaredInterest interest) {
        if (interest.reviewId() != null
                && reviews.relationsTo(by, interest.reviewId()).isEmpty()) {
            throw new InvalidValueException("reviewId", "names no review");
        }
        // an officer records an interest through their own board's review only as involvement in that review: one that
        // also named an organisation would conflict the reviewer in every review of that organisation, other boards'
        // included (ProfileStewardship), so it is the reviewer's own declaration or their registering board's record
        Optional<String> leadBoard = interest.reviewId() == null || interest.organisationId() != null
                ? Optional.empty()
                : database.read(
                        em -> new ReviewRepository(em).byId(interest.reviewId()).map(Review::leadLscbId));
        return change(
                by,
                id,
                Change.INTEREST,
                leadBoard,
                AuditAction.INTEREST_DECLARED,
                (r, now) -> {
                    r.declareInterest(interest, now);
                    return "interest " + interest.id();
                },
                interest.organisationId());
    }

    /**
     * The interests of a profile this caller reads. The register is shared, but an interest that names a review is
     * what a board (or the reviewer) knows of that case: it shows to the reviewer themselves and to those who can see
     * the review, and to nobody else, not even an administrator. It counts in every independence check all the same.
     */
    public List<DeclaredInterest> interestsShownTo(Caller by, Reviewer r) {
        if (r.ownedBy(by.accountId()) || r.interests().stream().allMatch(i -> i.reviewId() == null)) {
            return r.interests();
        }
        java.util.Map<String, Boolean> seen = new java.util.HashMap<>();
        return r.interests().stream()
                .filter(i -> i.reviewId() == null
                        || seen.computeIfAbsent(
                                i.reviewId(),
                                rid -> !reviews.relationsTo(by, rid).isEmpty()))
                .toList();
    }

    public ReviewerHits search(ReviewerQuery query) {
        if (!knownOrganisations.containsAll(query.independentOf())) {
            Set<String> known = database.read(em -> new OrganisationRepository(em).existing(query.independentOf()));
            query.independentOf().stream()
                    .filter(id -> !known.contains(id))
                    .findFirst()
                    .ifPresent(id -> {
                        throw new InvalidValueException("independentOf", "names no organisation: " + id);
                    });
            knownOrganisations.addAll(known);
        }
        return search.search(query);
    }

    /** A query for today with this deployment's look-back period. */
    public ReviewerQuery query(
            String text,
            Set<org.lscb.registry.reviewer.ExpertiseArea> expertise,
            Set<org.lscb.registry.reviewer.Region> regions,
            Set<org.lscb.registry.reviewer.EvidenceType> evidence,
            Boolean qualified,
            Boolean available,
            Set<String> independentOf,
            int page,
            int size) {
        LocalDate today = today();
        return new ReviewerQuery(
                text,
                expertise,
                regions,
                evidence,
                qualified,
                available,
                independentOf,
                today,
                independence.cutOff(today),
                page,
                size);
    }

    public boolean qualifiedToday(Reviewer r) {
        return qualification.qualifiedOn(r, today());
    }

    public java.util.Optional<LocalDate> qualifiedUntil(Reviewer r) {
        return qualification.qualifiedUntil(r);
    }

    private Reviewer change(
            Caller by,
            String id,
            Change kind,
            AuditAction action,
            BiFunction<Reviewer, Instant, String> work,
            String... organisationsThatMustExist) {
        return change(by, id, kind, Optional.empty(), action, work, organisationsThatMustExist);
    }

    private Reviewer change(
            Caller by,
            String id,
            Change kind,
            Optional<String> leadBoardOfNamedReview,
            AuditAction action,
            BiFunction<Reviewer, Instant, String> work,
            String... organisationsThatMustExist) {
        Reviewer changed = database.inTransaction(em -> {
            // first, so that every writer of the register waits for the stamp holding no other lock
            long stamp = new ReviewerRepository(em).nextIndexStamp();
            Reviewer r = visible(em, by, id);
            List<Review> appointedTo = new ReviewRepository(em).withLiveAppointmentOf(r.id());
            Set<String> appointingBoards =
                    appointedTo.stream().map(Review::leadLscbId).collect(java.util.stream.Collectors.toSet());
            if (kind != null
                    && !ProfileStewardship.mayChange(
                            kind,
                            r,
                            new ProfileStewardship.Editor(
                                    by.accountId(),
                                    by.has(Role.ADMIN),
                                    by.has(Role.LSCB_OFFICER)
                                            ? Optional.ofNullable(by.organisationId())
                                            : Optional.empty(),
                                    appointingBoards,
                                    leadBoardOfNamedReview))) {
                throw new ForbiddenException("this change is the reviewer's own, or their registering board's"
                        + " (ProfileStewardship)"); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
            }
            // every change counts as a new version of the reviewer, so an appointment checked against the old one
            // at the same moment cannot also commit (ReviewAppointments.appoint locks the same way)
            em.lock(r, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            OrganisationRepository orgs = new OrganisationRepository(em);
            for (String org : organisationsThatMustExist) {
                if (org != null && orgs.byId(org).isEmpty()) {
                    throw new InvalidValueException("organisationId", "names no organisation");
                }
            }
            String details = work.apply(r, clock.instant());
            r.indexStamp(stamp);
            audit(em, by, action, r, details);
            if (action == AuditAction.EVIDENCE_WITHDRAWN) {
                // every board whose panel relies on this reviewer sees the withdrawal in its own review's audit
                for (Review rv : appointedTo) {
                    new AuditLog(em)
                            .append(AuditEvent.of(clock.instant(), by.accountId(), action, "reviewer", r.id())
                                    .forReview(rv.id())
                                    .withDetails(details));
                }
            }
            // an appointment the change made conflicted is flagged in the same transaction
            appointments.recheckAppointmentsOf(em, r, by.accountId(), appointedTo);
            return r;
        });
        search.catchUpAfterCommit();
        return changed;
    }

    /** The reviewer if this caller may see it; otherwise the same 404 as a missing one. */
    private Reviewer visible(EntityManager em, Caller by, String id) {
        Reviewer r = new ReviewerRepository(em).byId(id).orElseThrow(NotFoundException::new);
        if (!manages(by) && !r.ownedBy(by.accountId())) {
            // docs/security.md: no one let in outside the policy, and audited; in its own transaction, as the caller's
            // may roll back
            database.inTransaction(audit -> {
                audit(audit, by, AuditAction.REVIEWER_ACCESS_REFUSED, r, "another reviewer's profile");
                return null;
            });
            throw new NotFoundException();
        }
        return r;
    }

    static boolean manages(Caller c) {
        return c.has(Role.LSCB_OFFICER) || c.has(Role.ADMIN);
    }

    private void audit(EntityManager em, Caller by, AuditAction action, Reviewer r, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "reviewer", r.id())
                        .withDetails(details));
    }
}
