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
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/**
 * One piece of evidence of qualification. It counts only once an LSCB officer has verified it,
 * and only while it is current: not expired, not withdrawn, and for training not older than the
 * revalidation period.
 */
@Entity
@Table(name = "reviewer_evidence")
public class Evidence {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 20)
    private EvidenceType type;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "issuer", length = 200)
    private String issuer;

    @Column(name = "evidence_date", nullable = false)
    private LocalDate date;

    @Column(name = "expires")
    private LocalDate expires;

    @Column(name = "document_id", length = 36)
    private String documentId;

    @Column(name = "verified_by", length = 36)
    private String verifiedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verification_note", length = 1000)
    private String verificationNote;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 36)
    private String withdrawnBy;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewer_id", nullable = false)
    private Reviewer reviewer;

    protected Evidence() {}

    void attachTo(Reviewer owner) {
        this.reviewer = owner;
    }

    public Evidence(
            EvidenceType type,
            String title,
            String issuer,
            LocalDate date,
            LocalDate expires,
            String documentId,
            LocalDate today) {
        this.id = UUID.randomUUID().toString();
        this.type = Text.present(type, "type");
        this.title = Text.required(title, "title", 300);
        this.issuer = Text.optional(issuer, "issuer", 200);
        this.date = Text.present(date, "date");
        if (date.isAfter(today)) {
            throw new InvalidValueException("date", "must not be in the future");
        }
        if (expires != null && !expires.isAfter(date)) {
            throw new InvalidValueException("expires", "must be after date");
        }
        this.expires = expires;
        this.documentId = Text.optional(documentId, "documentId", 36);
    }

    /**
     * Records who verified it and when. A verification after a withdrawal reverses the withdrawal: the
     * register is shared by every board, so one board's withdrawal must never be final for the others.
     */
    public void verify(String officerAccountId, Instant at, String note) {
        this.verifiedBy = Text.present(officerAccountId, "verifiedBy");
        this.verifiedAt = at;
        this.verificationNote = Text.optional(note, "note", 1000);
        this.withdrawnAt = null;
        this.withdrawnBy = null;
    }

    /** An officer found it wanting, and says why: it no longer counts until someone verifies it again. */
    public void withdraw(String officerAccountId, Instant at, String reason) {
        this.withdrawnAt = at;
        this.withdrawnBy = Text.present(officerAccountId, "withdrawnBy");
        this.verificationNote = Text.required(reason, "note", 1000);
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public boolean verified() {
        return verifiedAt != null && withdrawnAt == null;
    }

    /**
     * The last day this evidence counts towards qualification, or empty when it does not count at all
     * (unverified or withdrawn). Training counts until the earlier of its expiry and its revalidation.
     */
    public Optional<LocalDate> countsUntil(Period trainingRevalidation) {
        if (!verified()) {
            return Optional.empty();
        }
        LocalDate until = expires == null ? LocalDate.MAX : expires;
        if (type == EvidenceType.TRAINING) {
            LocalDate revalidate = date.plus(trainingRevalidation);
            until = revalidate.isBefore(until) ? revalidate : until;
        }
        return Optional.of(until);
    }

    public String id() {
        return id;
    }

    public EvidenceType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String issuer() {
        return issuer;
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate expires() {
        return expires;
    }

    public String documentId() {
        return documentId;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public String verificationNote() {
        return verificationNote;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
