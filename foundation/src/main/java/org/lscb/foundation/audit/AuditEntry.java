package org.lscb.foundation.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One link of the audit chain. Its hash covers the previous entry's hash and every field below, so
 * editing, deleting or reordering any row breaks the chain at that row.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "object_type", length = 64)
    private String objectType;

    @Column(name = "object_id", length = 100)
    private String objectId;

    @Column(name = "review_id", length = 36)
    private String reviewId;

    @Column(name = "details", length = 2000)
    private String details;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {}

    AuditEntry(long seq, String prevHash, AuditEvent event) {
        this.seq = seq;
        this.occurredAt = event.occurredAt();
        this.actor = event.actor();
        this.action = event.action().name();
        this.objectType = event.objectType();
        this.objectId = event.objectId();
        this.reviewId = event.reviewId();
        this.details = event.details();
        this.prevHash = prevHash;
        this.hash = AuditChain.link(prevHash, seq, event);
    }

    /** Recomputes this row's hash from its stored fields. */
    String recomputedHash() {
        return AuditChain.link(prevHash, seq, occurredAt, actor, action, objectType, objectId, reviewId, details);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    /**
     * The action as stored: the name of an {@link AuditAction} for every entry this server wrote. Kept a string, so
     * that reading the log shows a row exactly as it is, even one edited to something else (which no longer verifies).
     */
    public String action() {
        return action;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String reviewId() {
        return reviewId;
    }

    public String details() {
        return details;
    }

    public long seq() {
        return seq;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
