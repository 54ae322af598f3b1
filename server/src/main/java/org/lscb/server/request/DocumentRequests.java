package org.lscb.server.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.exchange.store.DocumentType;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.request.DocumentRequest;
import org.lscb.reviews.request.DocumentRequestRepository;
import org.lscb.reviews.request.RequestState;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * Document requests (docs/domain.md "Document requests"): an officer of the lead board asks one of the review's
 * organisations for a document by a day; the boards' officers and the organisation asked read it, and it counts
 * as answered once that organisation uploads a document of that type to the review. Who may do what is the
 * review access policy's answer ({@code ReviewAccess}): asking is managing the review; with no relation to the
 * review, 404 as for the review itself. Each request and each refused one is audited.
 */
@ApplicationScoped
public class DocumentRequests {

    /** What an officer asks. */
    public record Asking(String organisationId, DocumentType type, LocalDate dueOn, String note) {}

    /** A request as it stands today, with the names a person reads it by. */
    public record Status(
            DocumentRequest request,
            DocumentType type,
            String reviewReference,
            String reviewPseudonym,
            String organisationName,
            RequestState state,
            Optional<Instant> answeredAt) {}

    /** An organisation a request may be addressed to. */
    public record Addressee(String id, String name) {}

    /** What the request form offers: the review and the organisations it involves. */
    public record Askable(
            String reviewId, String reviewReference, String reviewPseudonym, List<Addressee> organisations) {}

    private static final RefusalAuditor.Policy REFUSALS = RefusalAuditor.Policy.of(
            AuditAction.REVIEW_CHANGE_REFUSED, InvalidValueException.class, ReviewRuleException.class);

    private Database database;
    private ReviewService reviews;
    private Clock clock;
    private RefusalAuditor refusals;

    protected DocumentRequests() {}

    @Inject
    public DocumentRequests(Database database, ReviewService reviews) {
        this.database = database;
        this.reviews = reviews;
        this.clock = Clock.systemUTC();
        this.refusals = new RefusalAuditor(database, clock);
    }

    /** The organisations an officer of the lead board may ask, for the request form. */
    public Askable askable(Caller by, String reviewId) {
        Review r = reviews.allowedTo(by, reviewId, Action.MANAGE).review();
        return database.read(em -> {
            OrganisationRepository orgs = new OrganisationRepository(em);
            List<Addressee> named = r.organisationIds().stream()
                    .map(id -> new Addressee(
                            id, orgs.byId(id).map(Organisation::name).orElse(id)))
                    .sorted(Comparator.comparing(Addressee::name))
                    .toList();
            return new Askable(r.id(), r.reference(), r.pseudonym(), named);
        });
    }

    /** An officer of the lead board asks; 404 without a relation to the review, 403 for any other relation. */
    public Status ask(Caller by, String reviewId, Asking asking) {
        reviews.allowedTo(by, reviewId, Action.MANAGE);
        return refusals.auditing(
                REFUSALS,
                RefusalAuditor.Target.review(by.accountId(), reviewId),
                e -> "document request: " + e.getMessage(),
                () -> database.inTransaction(em -> {
                    Review r = new ReviewRepository(em).byId(reviewId).orElseThrow(NotFoundException::new);
                    DocumentRequest request = new DocumentRequest(
                            r,
                            asking.organisationId(),
                            asking.type() == null ? null : asking.type().name(),
                            asking.dueOn(),
                            asking.note(),
                            by.accountId(),
                            clock.instant(),
                            reviews.today());
                    new DocumentRequestRepository(em).add(request);
                    new AuditLog(em)
                            .append(AuditEvent.of(
                                            clock.instant(),
                                            by.accountId(),
                                            AuditAction.DOCUMENT_REQUESTED,
                                            "document_request",
                                            request.id())
                                    .forReview(r.id())
                                    .withDetails(request.documentType() + " from organisation "
                                            + request.organisationId() + " by " + request.dueOn()));
                    return status(em, request, r, List.of());
                }));
    }

    /** The review's requests the caller is shown, soonest due first. */
    public List<Status> ofReview(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            List<DocumentRequest.Upload> uploads = uploads(em, reviewId);
            return new DocumentRequestRepository(em)
                    .ofReview(reviewId).stream()
                            .filter(q -> q.shownTo(seen.relations(), by.organisationId()))
                            .map(q -> status(em, q, seen.review(), uploads))
                            .toList();
        });
    }

    /** One request of the review; 404 when the caller is not shown it. */
    public Status one(Caller by, String reviewId, String requestId) {
        return ofReview(by, reviewId).stream()
                .filter(s -> s.request().id().equals(requestId))
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /**
     * What is still asked of the caller's organisation, across the reviews that involve it (an agency user's
     * "asked of you"), soonest due first. Answered requests are left out.
     */
    public List<Status> askedOfCaller(Caller by) {
        if (by.organisationId() == null) {
            return List.of();
        }
        List<DocumentRequest> asked =
                database.read(em -> new DocumentRequestRepository(em).askedOf(by.organisationId()));
        Map<String, Optional<ReviewService.Seen>> seen = new HashMap<>();
        for (DocumentRequest q : asked) {
            seen.computeIfAbsent(
                    q.reviewId(),
                    id -> reviews.relationsTo(by, id).contains(Relation.INVOLVED_AGENCY)
                            ? Optional.of(reviews.get(by, id))
                            : Optional.empty());
        }
        return database.read(em -> {
            Map<String, List<DocumentRequest.Upload>> uploads = new HashMap<>();
            return asked.stream()
                    .filter(q -> seen.get(q.reviewId()).isPresent())
                    .filter(q -> q.shownTo(seen.get(q.reviewId()).get().relations(), by.organisationId()))
                    .map(q -> status(
                            em,
                            q,
                            seen.get(q.reviewId()).get().review(),
                            uploads.computeIfAbsent(q.reviewId(), id -> uploads(em, id))))
                    .filter(s -> s.state() != RequestState.ANSWERED)
                    .toList();
        });
    }

    private Status status(EntityManager em, DocumentRequest q, Review r, List<DocumentRequest.Upload> uploads) {
        Optional<Instant> answered = q.answeredAt(uploads);
        String organisation = new OrganisationRepository(em)
                .byId(q.organisationId())
                .map(Organisation::name)
                .orElse(q.organisationId());
        return new Status(
                q,
                DocumentType.valueOf(q.documentType()),
                r.reference(),
                r.pseudonym(),
                organisation,
                q.state(answered, reviews.today()),
                answered);
    }

    /** Every upload to the review, whoever may see it: an answer counts even when the asker cannot read it. */
    private static List<DocumentRequest.Upload> uploads(EntityManager em, String reviewId) {
        return new DocumentRepository(em)
                .ofReview(reviewId).stream()
                        .filter(d -> d.organisationId().isPresent())
                        .map(DocumentRequests::upload)
                        .toList();
    }

    private static DocumentRequest.Upload upload(Document d) {
        return new DocumentRequest.Upload(
                d.organisationId().orElseThrow(), d.type().name(), d.uploadedAt());
    }
}
