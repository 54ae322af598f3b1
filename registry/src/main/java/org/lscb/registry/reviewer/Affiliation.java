package org.lscb.registry.reviewer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/** A tie between a reviewer and an organisation over a span of dates; {@code to} empty while it lasts. */
@Entity
@Table(name = "reviewer_affiliation")
public class Affiliation {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private AffiliationKind kind;

    @Column(name = "role", length = 200)
    private String role;

    @Column(name = "date_from", nullable = false)
    private LocalDate startsOn;

    @Column(name = "date_to")
    private LocalDate endsOn;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewer_id", nullable = false)
    private Reviewer reviewer;

    protected Affiliation() {}

    void attachTo(Reviewer owner) {
        this.reviewer = owner;
    }

    public Affiliation(String organisationId, AffiliationKind kind, String role, LocalDate from, LocalDate to) {
        this.id = UUID.randomUUID().toString();
        this.organisationId = Text.present(organisationId, "organisationId");
        this.kind = Text.present(kind, "kind");
        this.role = Text.optional(role, "role", 200);
        this.startsOn = Text.present(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new InvalidValueException("to", "must not be before from");
        }
        this.endsOn = to;
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public AffiliationKind kind() {
        return kind;
    }

    public String role() {
        return role;
    }

    public LocalDate from() {
        return startsOn;
    }

    public Optional<LocalDate> to() {
        return Optional.ofNullable(endsOn);
    }
}
