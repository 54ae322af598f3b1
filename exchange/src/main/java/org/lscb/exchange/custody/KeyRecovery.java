package org.lscb.exchange.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * An officer's request for the board key, for one stated purpose (docs/security.md "Board key custody"). Custodians
 * approve it by sealing their share to the requester's certificate; with {@code threshold} approvals the requester's
 * client rebuilds the key in memory, does what the request names, and closes it. The server sees only sealed shares.
 */
@Entity
@Table(name = "key_recovery")
public class KeyRecovery {

    public static final int MAX_REASON = 500;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "board_id", nullable = false, length = 36)
    private String boardId;

    @Column(name = "split_id", nullable = false, length = 36)
    private String splitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 20)
    private RecoveryPurpose purpose;

    @Column(name = "document_id", length = 36)
    private String documentId;

    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "lost_certificate_id", length = 40)
    private String lostCertificateId;

    @Column(name = "reason", nullable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 36)
    private String requestedBy;

    @Column(name = "requester_certificate_id", nullable = false, length = 40)
    private String requesterCertificateId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RecoveryStatus status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected KeyRecovery() {}

    /** What is asked for: the purpose, and the document (grant) or the person and their lost certificate (re-wrap). */
    public record Request(
            RecoveryPurpose purpose, String documentId, String accountId, String lostCertificateId, String reason) {}

    public KeyRecovery(KeySplit split, Request request, String requestedBy, String requesterCertificateId, Instant at) {
        CustodyRule.checkRequest(request);
        this.id = UUID.randomUUID().toString();
        this.boardId = split.boardId();
        this.splitId = split.id();
        this.purpose = request.purpose();
        this.documentId = request.documentId();
        this.accountId = request.accountId();
        this.lostCertificateId = request.lostCertificateId();
        this.reason = org.lscb.foundation.value.Text.required(request.reason(), "reason", MAX_REASON);
        this.requestedBy = requestedBy;
        this.requesterCertificateId = requesterCertificateId;
        this.status = RecoveryStatus.OPEN;
        this.openedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The requester did what the request named. */
    public void complete(Instant at) {
        close(RecoveryStatus.COMPLETED, at);
    }

    /** Withdrawn, or overtaken by a new split. */
    public void cancel(Instant at) {
        close(RecoveryStatus.CANCELLED, at);
    }

    private void close(RecoveryStatus to, Instant at) {
        if (status != RecoveryStatus.OPEN) {
            throw new CustodyException(
                    "recovery_closed", "the request is already " + status.name().toLowerCase());
        }
        this.status = to;
        this.closedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean isOpen() {
        return status == RecoveryStatus.OPEN;
    }

    public String id() {
        return id;
    }

    public String boardId() {
        return boardId;
    }

    public String splitId() {
        return splitId;
    }

    public RecoveryPurpose purpose() {
        return purpose;
    }

    public Optional<String> documentId() {
        return Optional.ofNullable(documentId);
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Optional<String> lostCertificateId() {
        return Optional.ofNullable(lostCertificateId);
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requesterCertificateId() {
        return requesterCertificateId;
    }

    public RecoveryStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }
}
