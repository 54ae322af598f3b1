package org.lscb.exchange.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Base64;
import java.util.UUID;

/**
 * One custodian's share of a split: an envelope sealed to the custodian's certificate alone and signed by the board
 * key. The server cannot open it; it only hands it to its custodian. Kept as base64 text, which both databases store
 * alike.
 */
@Entity
@Table(name = "custody_share")
public class CustodyShare {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "split_id", nullable = false, length = 36)
    private String splitId;

    @Column(name = "custodian_account_id", nullable = false, length = 36)
    private String custodianAccountId;

    @Column(name = "custodian_certificate_id", nullable = false, length = 40)
    private String custodianCertificateId;

    @Column(name = "envelope", nullable = false, length = CustodyRule.MAX_ENVELOPE_CHARS)
    private String envelope;

    protected CustodyShare() {}

    public CustodyShare(KeySplit split, String custodianAccountId, String custodianCertificateId, byte[] envelope) {
        this.id = UUID.randomUUID().toString();
        this.splitId = split.id();
        this.custodianAccountId = custodianAccountId;
        this.custodianCertificateId = custodianCertificateId;
        this.envelope = Base64.getEncoder().encodeToString(envelope);
    }

    public String id() {
        return id;
    }

    public String splitId() {
        return splitId;
    }

    public String custodianAccountId() {
        return custodianAccountId;
    }

    public String custodianCertificateId() {
        return custodianCertificateId;
    }

    /** The sealed share, base64. */
    public String envelope() {
        return envelope;
    }
}
