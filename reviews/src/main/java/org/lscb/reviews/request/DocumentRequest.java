package org.lscb.reviews.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewRuleException;

/**
 * What a review's lead board asks of one of the review's organisations: a document of a type (an IMR, a
 * chronology) by a due day, with a note. Whether it has been answered is not kept here: it follows from the
 * uploads to the review ({@link #answeredAt}), so that an upload answers it without anyone marking it.
 *
 * <p>The type is the exchange's {@code DocumentType} by its code: the exchange sits above this module, so the
 * server names the type and this entity keeps its code.
 */
@Entity
@Table(name = "document_request")
public class DocumentRequest {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_TYPE = 30;

    /** The share of the time given at whose end a request is due soon, as for the statutory clocks. */
    static final double DUE_SOON_SHARE = 0.2;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "review_id", nullable = false, length = 36)
    private String reviewId;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(name = "document_type", nullable = false, length = MAX_TYPE)
    private String documentType;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "note", length = MAX_NOTE)
    private String note;

    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, length = 36)
    private String requestedBy;

    protected DocumentRequest() {}

    /**
     * The lead board asks {@code organisationId} for a document of {@code documentType} by {@code dueOn}.
     *
     * @param today the requesting day in England, from which the time given is counted
     * @throws InvalidValueException naming the field: an organisation the review does not involve, no type, a due
     *     day before today, a note too long or with control characters
     * @throws ReviewRuleException {@code review_closed} when the review is completed or closed
     */
    public DocumentRequest(
            Review review,
            String organisationId,
            String documentType,
            LocalDate dueOn,
            String note,
            String by,
            Instant at,
            LocalDate today) {
        if (!review.status().open()) {
            throw new ReviewRuleException(
                    "review_closed",
                    "review " + review.reference() + " is " + review.status() + "; nothing more is asked for it");
        }
        Text.present(organisationId, "organisationId");
        if (!review.organisationIds().contains(organisationId)) {
            throw new InvalidValueException(
                    "organisationId", "must be one of the organisations whose actions the review looks at");
        }
        Text.present(documentType, "type");
        if (documentType.length() > MAX_TYPE || !documentType.matches("[A-Z][A-Z_]*")) {
            throw new InvalidValueException("type", "must be a document type's code, such as IMR");
        }
        Text.present(dueOn, "dueOn");
        if (dueOn.isBefore(today)) {
            throw new InvalidValueException("dueOn", "must be today or later");
        }
        this.id = UUID.randomUUID().toString();
        this.reviewId = review.id();
        this.organisationId = organisationId;
        this.documentType = documentType;
        this.dueOn = dueOn;
        this.note = Text.optional(note, "note", MAX_NOTE);
        this.requestedOn = today;
        this.requestedAt = at;
        this.requestedBy = by;
    }

    /** A document sent to the review: by which organisation, of which type, when. */
    public record Upload(String organisationId, String documentType, Instant at) {}

    /**
     * When the request was answered: the first upload to the review, made at or after the request, by the
     * organisation asked, of the type asked for. An earlier upload of the same type does not answer it: asking
     * again means a new version is wanted.
     */
    public Optional<Instant> answeredAt(Collection<Upload> uploadsToTheReview) {
        return uploadsToTheReview.stream()
                .filter(u -> organisationId.equals(u.organisationId()))
                .filter(u -> documentType.equals(u.documentType()))
                .map(Upload::at)
                .filter(t -> !t.isBefore(requestedAt))
                .min(Comparator.naturalOrder());
    }

    /** Where the request stands on {@code today}, given when it was answered (if it was). */
    public RequestState state(Optional<Instant> answeredAt, LocalDate today) {
        if (answeredAt.isPresent()) {
            return RequestState.ANSWERED;
        }
        if (today.isAfter(dueOn)) {
            return RequestState.OVERDUE;
        }
        long span = ChronoUnit.DAYS.between(requestedOn, dueOn);
        long left = ChronoUnit.DAYS.between(today, dueOn);
        return left <= span * DUE_SOON_SHARE ? RequestState.DUE_SOON : RequestState.OPEN;
    }

    /**
     * Who sees the request among those who see the review (docs/domain.md "Document requests"): the lead and
     * cooperating boards' officers see every request; an involved agency's users see what is asked of their own
     * organisation; nobody else is shown any.
     */
    public boolean shownTo(Set<Relation> relations, String callerOrganisationId) {
        if (relations.contains(Relation.LEAD_BOARD_OFFICER) || relations.contains(Relation.COOPERATING_BOARD_OFFICER)) {
            return true;
        }
        return relations.contains(Relation.INVOLVED_AGENCY) && organisationId.equals(callerOrganisationId);
    }

    public String id() {
        return id;
    }

    public String reviewId() {
        return reviewId;
    }

    public String organisationId() {
        return organisationId;
    }

    public String documentType() {
        return documentType;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public LocalDate requestedOn() {
        return requestedOn;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }
}
