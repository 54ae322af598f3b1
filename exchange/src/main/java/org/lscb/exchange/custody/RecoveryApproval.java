package org.lscb.exchange.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A custodian's approval of a request: their share, sealed to the requester's certificate alone and signed by the
 * custodian. Removed when the request closes, so no sealed share outlives its use.
 */
@Entity
@Table(name = "recovery_approval")
public class RecoveryApproval {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "recovery_id", nullable = false, length = 36)
    private String recoveryId;

    @Column(name = "custodian_account_id", nullable = false, length = 36)
    private String custodianAccountId;

    @Column(name = "custodian_certificate_id", nullable = false, length = 40)
    private String custodianCertificateId;

    @Column(name = "envelope", nullable = false, length = CustodyRule.MAX_ENVELOPE_CHARS)
    private String envelope;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected RecoveryApproval() {}

    public RecoveryApproval(KeyRecovery recovery, CustodyShare share, byte[] envelope, Instant at) {
        if (!recovery.isOpen()) {
            throw new CustodyException(
                    "recovery_closed",
                    "the request is " + recovery.status().name().toLowerCase());
        }
        if (!share.splitId().equals(recovery.splitId())) {
            throw new CustodyException("share_replaced", "the key was split again since this request was made");
        }
        this.id = UUID.randomUUID().toString();
        this.recoveryId = recovery.id();
        this.custodianAccountId = share.custodianAccountId();
        this.custodianCertificateId = share.custodianCertificateId();
        this.envelope = Base64.getEncoder().encodeToString(envelope);
        this.approvedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public String recoveryId() {
        return recoveryId;
    }

    public String custodianAccountId() {
        return custodianAccountId;
    }

    public String custodianCertificateId() {
        return custodianCertificateId;
    }

    public String envelope() {
        return envelope;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
