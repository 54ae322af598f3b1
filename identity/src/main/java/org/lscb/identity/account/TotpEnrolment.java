package org.lscb.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * An account's second factor: a TOTP secret, kept wrapped under a deployment key (the wrapping is the
 * server's business; this entity never sees the key), that counts once its owner has typed a first code
 * from it. The last step accepted is kept so that every code works once.
 */
@Entity
@Table(name = "account_totp")
public class TotpEnrolment {

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "secret_wrapped", nullable = false, length = 200)
    private String secretWrapped;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    protected TotpEnrolment() {}

    public TotpEnrolment(String accountId, String secretWrapped, Instant createdAt) {
        this.accountId = accountId;
        this.secretWrapped = secretWrapped;
        this.createdAt = createdAt;
        this.lastStep = Long.MIN_VALUE / 2;
    }

    /** A new secret for an enrolment not yet confirmed (the person scanned the wrong code, or lost it). */
    public void restart(String newSecretWrapped, Instant at) {
        if (confirmed()) {
            throw new IllegalStateException("a confirmed second factor is not replaced by starting again");
        }
        this.secretWrapped = newSecretWrapped;
        this.createdAt = at;
    }

    /**
     * Uses a code: true when it matches a step around {@code now} after the last one used, which then
     * becomes the last one used. {@code secret} is this enrolment's secret, unwrapped by the caller.
     */
    public boolean use(String code, byte[] secret, Instant now, TotpCodes codes) {
        OptionalLong step = codes.matchingStep(secret, code, now, lastStep);
        if (step.isEmpty()) {
            return false;
        }
        lastStep = step.getAsLong();
        return true;
    }

    /** The first good code makes the second factor count; {@link #use} must have accepted it. */
    public void confirm(Instant at) {
        if (confirmedAt == null) {
            confirmedAt = at;
        }
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public String accountId() {
        return accountId;
    }

    public String secretWrapped() {
        return secretWrapped;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
