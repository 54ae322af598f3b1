package org.lscb.exchange.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A board's private key split among custodians, any {@link #threshold()} of whom can rebuild it (docs/security.md
 * "Board key custody"). The split itself is made on the officer's machine; the server records which certificate's key
 * it is, the threshold, and each custodian's sealed share ({@link CustodyShare}). A newer split replaces it.
 */
@Entity
@Table(name = "custody_split")
public class KeySplit {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "board_id", nullable = false, length = 36)
    private String boardId;

    @Column(name = "certificate_id", nullable = false, length = 40)
    private String certificateId;

    @Column(name = "threshold", nullable = false)
    private int threshold;

    @Column(name = "share_count", nullable = false)
    private int shareCount;

    @Column(name = "split_by", nullable = false, length = 36)
    private String splitBy;

    @Column(name = "split_at", nullable = false)
    private Instant splitAt;

    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected KeySplit() {}

    public KeySplit(String boardId, String certificateId, int threshold, int shareCount, String splitBy, Instant at) {
        CustodyRule.checkThreshold(threshold, shareCount);
        this.id = UUID.randomUUID().toString();
        this.boardId = boardId;
        this.certificateId = certificateId;
        this.threshold = threshold;
        this.shareCount = shareCount;
        this.splitBy = splitBy;
        this.splitAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A newer split holds the key from {@code at}: this one's shares are gone, and no request may use it. */
    public void replaced(Instant at) {
        this.replacedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public String boardId() {
        return boardId;
    }

    public String certificateId() {
        return certificateId;
    }

    public int threshold() {
        return threshold;
    }

    public int shareCount() {
        return shareCount;
    }

    public String splitBy() {
        return splitBy;
    }

    public Instant splitAt() {
        return splitAt;
    }

    public Optional<Instant> replacedAt() {
        return Optional.ofNullable(replacedAt);
    }
}
