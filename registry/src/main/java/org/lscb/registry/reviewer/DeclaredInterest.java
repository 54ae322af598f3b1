package org.lscb.registry.reviewer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.lscb.foundation.value.Text;

/**
 * Something the reviewer declared that may bear on independence: a personal relationship with
 * someone in an organisation, or direct involvement in a case (a review).
 */
@Entity
@Table(name = "reviewer_interest")
public class DeclaredInterest {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "description", nullable = false, length = 1000)
    private String description;

    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "review_id", length = 36)
    private String reviewId;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewer_id", nullable = false)
    private Reviewer reviewer;

    protected DeclaredInterest() {}

    void attachTo(Reviewer owner) {
        this.reviewer = owner;
    }

    public DeclaredInterest(String description, String organisationId, String reviewId, Instant declaredAt) {
        this.id = UUID.randomUUID().toString();
        this.description = Text.required(description, "description", 1000);
        this.organisationId = Text.optional(organisationId, "organisationId", 36);
        this.reviewId = Text.optional(reviewId, "reviewId", 36);
        this.declaredAt = declaredAt;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String organisationId() {
        return organisationId;
    }

    public String reviewId() {
        return reviewId;
    }

    public Instant declaredAt() {
        return declaredAt;
    }
}
