package org.lscb.reviews.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lscb.reviews.Review;

/**
 * One professional's notification of a child's death [24] and the child death review it opened or joined. The
 * child is known here only by the {@link ChildKey} of their NHS number and date of birth: neither is stored,
 * and the first notification of a child holds the key in a unique column too, so that two notifications of the
 * same child at once cannot open two reviews.
 */
@Entity
@Table(name = "child_death_notification")
public class ChildDeathNotification {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "review_id", nullable = false, length = 36)
    private String reviewId;

    @Column(name = "child_key", nullable = false, length = ChildKey.LENGTH)
    private String childKey;

    /** The child key on the notification that opened the review, null on those that joined it; unique. */
    @Column(name = "opened_child_key", length = ChildKey.LENGTH)
    private String openedChildKey;

    @Column(name = "died_at", nullable = false)
    private Instant diedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "place_of_death", nullable = false, length = 20)
    private PlaceOfDeath place;

    @Column(name = "residence_lscb_id", nullable = false, length = 36)
    private String residenceLscbId;

    @Column(name = "looked_after_by_lscb_id", length = 36)
    private String lookedAfterByLscbId;

    /** As the notifier said it; null when they did not, which the review reads as unexpected. */
    @Column(name = "unexpected_said")
    private Boolean unexpectedSaid;

    @Column(name = "what_is_known", length = NotifiedDeath.MAX_WHAT_IS_KNOWN)
    private String whatIsKnown;

    @Column(name = "notified_at", nullable = false)
    private Instant notifiedAt;

    @Column(name = "notified_by", nullable = false, length = 36)
    private String notifiedBy;

    @Column(name = "notifier_organisation_id", length = 36)
    private String notifierOrganisationId;

    protected ChildDeathNotification() {}

    /**
     * @param review   the review this notification opened or joined
     * @param opened   true for the notification that opened the review
     * @param childKey the {@link ChildKey} of the notified child
     */
    public ChildDeathNotification(
            Review review,
            boolean opened,
            NotifiedDeath death,
            String childKey,
            String by,
            String byOrganisation,
            Instant at) {
        if (childKey == null || childKey.length() != ChildKey.LENGTH) {
            throw new IllegalArgumentException("a child key is " + ChildKey.LENGTH + " hexadecimal characters");
        }
        this.id = UUID.randomUUID().toString();
        this.reviewId = review.id();
        this.childKey = childKey;
        this.openedChildKey = opened ? childKey : null;
        this.diedAt = death.diedAt();
        this.place = death.place();
        this.residenceLscbId = death.residenceLscbId();
        this.lookedAfterByLscbId = death.lookedAfterByLscbId();
        this.unexpectedSaid = death.unexpectedSaid();
        this.whatIsKnown = death.whatIsKnown();
        this.notifiedAt = at;
        this.notifiedBy = by;
        this.notifierOrganisationId = byOrganisation;
    }

    public String id() {
        return id;
    }

    public String reviewId() {
        return reviewId;
    }

    public String childKey() {
        return childKey;
    }

    /** Whether this notification opened its review (rather than joining one already open for the child). */
    public boolean opened() {
        return openedChildKey != null;
    }

    public Instant diedAt() {
        return diedAt;
    }

    public PlaceOfDeath place() {
        return place;
    }

    public String residenceLscbId() {
        return residenceLscbId;
    }

    public Optional<String> lookedAfterByLscbId() {
        return Optional.ofNullable(lookedAfterByLscbId);
    }

    public Optional<Boolean> unexpectedSaid() {
        return Optional.ofNullable(unexpectedSaid);
    }

    public Optional<String> whatIsKnown() {
        return Optional.ofNullable(whatIsKnown);
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public String notifiedBy() {
        return notifiedBy;
    }

    public Optional<String> notifierOrganisationId() {
        return Optional.ofNullable(notifierOrganisationId);
    }
}
