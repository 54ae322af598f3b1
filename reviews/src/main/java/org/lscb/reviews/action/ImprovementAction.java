package org.lscb.reviews.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.ReviewStatus;

/**
 * One action of a review's action plan: a recommendation of the review turned into what one organisation is to
 * change by a day [9], followed until it is done, with evidence of its impact, or not done, with the reason
 * [11, 19]. The owner is the review's lead board or one of the organisations the board covers (its partners
 * [9]); how the status moves is {@link ActionStateRule}'s. Evidence is a document of the same review (its id:
 * the exchange sits above this module, so the server checks the document) or a short note.
 */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

    public static final int MAX_RECOMMENDATION = 1000;
    public static final int MAX_CHANGE = 2000;
    public static final int MAX_REASON = 1000;
    /** A short note: a document of the review carries anything longer. */
    public static final int MAX_EVIDENCE_NOTE = 1000;
    /** How far a due day may lie from today either way: a plan agreed earlier may be recorded late. */
    public static final int MAX_YEARS_FROM_TODAY = 10;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "review_id", nullable = false, length = 36)
    private String reviewId;

    @Column(name = "lead_lscb_id", nullable = false, length = 36)
    private String leadLscbId;

    @Column(name = "recommendation", nullable = false, length = MAX_RECOMMENDATION)
    private String recommendation;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(name = "change_wanted", nullable = false, length = MAX_CHANGE)
    private String change;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ActionStatus status;

    @Column(name = "reason", length = MAX_REASON)
    private String reason;

    @Column(name = "evidence_document_id", length = 36)
    private String evidenceDocumentId;

    @Column(name = "evidence_note", length = MAX_EVIDENCE_NOTE)
    private String evidenceNote;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 36)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "overdue_marked_at")
    private Instant overdueMarkedAt;

    protected ImprovementAction() {}

    /** What the board agrees an organisation is to change, by when. */
    public record Plan(String recommendation, String organisationId, String change, LocalDate dueOn) {}

    /**
     * The board records an action of {@code review}'s plan; it starts {@code NOT_STARTED}.
     *
     * @param partners the lead board's partner organisations (those it covers); the board itself may own one too
     * @throws InvalidValueException naming the field
     * @throws ReviewRuleException {@code review_closed} for a review closed with no review: nothing was reviewed
     */
    public ImprovementAction(Review review, Plan plan, Set<String> partners, String by, Instant at, LocalDate today) {
        if (review.status() == ReviewStatus.CLOSED_NO_REVIEW) {
            throw new ReviewRuleException(
                    "review_closed",
                    "review " + review.reference() + " was closed without a review; it has no recommendations");
        }
        this.id = UUID.randomUUID().toString();
        this.reviewId = review.id();
        this.leadLscbId = review.leadLscbId();
        this.recommendation = Text.required(plan.recommendation(), "recommendation", MAX_RECOMMENDATION);
        this.organisationId = owner(plan.organisationId(), review.leadLscbId(), partners);
        this.change = Text.required(plan.change(), "change", MAX_CHANGE);
        this.dueOn = due(plan.dueOn(), today);
        this.status = ActionStatus.NOT_STARTED;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** The board changes what the action is: recommendation, owner, change, due day (each null: unchanged). */
    public void replan(Plan plan, Set<String> partners, LocalDate today, String by, Instant at) {
        String newRecommendation = plan.recommendation() == null
                ? recommendation
                : Text.required(plan.recommendation(), "recommendation", MAX_RECOMMENDATION);
        String newOwner =
                plan.organisationId() == null ? organisationId : owner(plan.organisationId(), leadLscbId, partners);
        String newChange = plan.change() == null ? change : Text.required(plan.change(), "change", MAX_CHANGE);
        LocalDate newDue = plan.dueOn() == null ? dueOn : due(plan.dueOn(), today);
        if (!newDue.equals(dueOn)) {
            overdueMarkedAt = null; // a new due day is owed afresh, and marked again should it pass
        }
        recommendation = newRecommendation;
        organisationId = newOwner;
        change = newChange;
        dueOn = newDue;
        touched(by, at);
    }

    /** What is reported on the action: each null leaves that part as it is; blank text clears it. */
    public record Progress(ActionStatus status, String reason, String evidenceDocumentId, String evidenceNote) {}

    /**
     * The board or the owner reports progress, as {@link ActionStateRule} allows. Leaving {@code NOT_DONE} drops
     * the reason. A document given as evidence must already have been checked to be one of this review's.
     */
    public void report(Progress p, ActionStateRule.Mover mover, String by, Instant at) {
        ActionStatus to = p.status() == null ? status : p.status();
        String newReason = p.reason() == null
                ? (to == ActionStatus.NOT_DONE ? reason : null)
                : Text.optional(p.reason(), "reason", MAX_REASON);
        String newDocument = p.evidenceDocumentId() == null
                ? evidenceDocumentId
                : Text.optional(p.evidenceDocumentId(), "evidenceDocumentId", 36);
        String newNote = p.evidenceNote() == null
                ? evidenceNote
                : Text.optional(p.evidenceNote(), "evidenceNote", MAX_EVIDENCE_NOTE);
        ActionStateRule.check(status, to, mover, newDocument != null || newNote != null, newReason != null);
        status = to;
        reason = newReason;
        evidenceDocumentId = newDocument;
        evidenceNote = newNote;
        touched(by, at);
    }

    /**
     * Who is shown the action (docs/domain.md "Action plans"): the lead and cooperating boards' officers and Chairs,
     * who oversee the plan [19], see every action of the review; an agency user sees the actions their own
     * organisation owns, whether or not it is one of the organisations the review looks at; nobody else any.
     */
    public boolean shownTo(Set<ReviewAccess.Relation> relations, boolean agencyUser, String callerOrganisationId) {
        if (relations.contains(ReviewAccess.Relation.LEAD_BOARD_OFFICER)
                || relations.contains(ReviewAccess.Relation.COOPERATING_BOARD_OFFICER)
                || relations.contains(ReviewAccess.Relation.LEAD_BOARD_CHAIR)
                || relations.contains(ReviewAccess.Relation.COOPERATING_BOARD_CHAIR)) {
            return true;
        }
        return agencyUser && organisationId.equals(callerOrganisationId);
    }

    /** Overdue on {@code today}: still owed, and its due day has passed. */
    public boolean overdueOn(LocalDate today) {
        return status.open() && today.isAfter(dueOn);
    }

    private void touched(String by, Instant at) {
        updatedBy = by;
        updatedAt = at;
    }

    private static String owner(String organisationId, String board, Set<String> partners) {
        Text.present(organisationId, "organisationId");
        if (!organisationId.equals(board) && !partners.contains(organisationId)) {
            throw new InvalidValueException(
                    "organisationId", "must be the lead board or one of the partner organisations it covers");
        }
        return organisationId;
    }

    private static LocalDate due(LocalDate dueOn, LocalDate today) {
        Text.present(dueOn, "dueOn");
        if (dueOn.isBefore(today.minusYears(MAX_YEARS_FROM_TODAY))
                || dueOn.isAfter(today.plusYears(MAX_YEARS_FROM_TODAY))) {
            throw new InvalidValueException("dueOn", "must be within " + MAX_YEARS_FROM_TODAY + " years of today");
        }
        return dueOn;
    }

    public String id() {
        return id;
    }

    public String reviewId() {
        return reviewId;
    }

    public String leadLscbId() {
        return leadLscbId;
    }

    public String recommendation() {
        return recommendation;
    }

    public String organisationId() {
        return organisationId;
    }

    public String change() {
        return change;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public ActionStatus status() {
        return status;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> evidenceDocumentId() {
        return Optional.ofNullable(evidenceDocumentId);
    }

    public Optional<String> evidenceNote() {
        return Optional.ofNullable(evidenceNote);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> overdueMarkedAt() {
        return Optional.ofNullable(overdueMarkedAt);
    }

    public long version() {
        return version;
    }
}
