package org.lscb.reviews;

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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.lscb.registry.independence.Conflict;
import org.lscb.registry.independence.ConflictReason;
import org.lscb.registry.independence.IndependenceAnswer;

/**
 * Someone appointed to a review: a reviewer from the register (lead or panel member) or an account
 * (the designated paediatrician, the coroner). Ending it ends that person's access at once, because
 * access is worked out from live appointments on every request. A lead reviewer who was not
 * independent carries the Chair's override and the conflicts it accepted; a conflict that appears
 * later and was not accepted flags the appointment.
 */
@Entity
@Table(name = "review_appointment")
public class Appointment {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id", nullable = false)
    private Review review;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30)
    private AppointmentRole role;

    @Column(name = "reviewer_id", length = 36)
    private String reviewerId;

    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "appointed_at", nullable = false)
    private Instant appointedAt;

    @Column(name = "appointed_by", nullable = false, length = 36)
    private String appointedBy;

    @Column(name = "override_reason", length = 2000)
    private String overrideReason;

    /** The conflicts accepted at appointment (a lead's by the Chair's override), as "KIND:organisation" keys separated by spaces. */
    @Column(name = "overridden_conflicts", length = 4000)
    private String overriddenConflicts;

    @Column(name = "flagged_at")
    private Instant flaggedAt;

    @Column(name = "flag_reasons", length = 4000)
    private String flagReasons;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = 36)
    private String endedBy;

    protected Appointment() {}

    Appointment(
            Review review,
            AppointmentRole role,
            String reviewerId,
            String accountId,
            String by,
            Instant at,
            String overrideReason,
            IndependenceAnswer accepted) {
        this.id = UUID.randomUUID().toString();
        this.review = review;
        this.role = role;
        this.reviewerId = reviewerId;
        this.accountId = accountId;
        this.appointedBy = by;
        this.appointedAt = at;
        this.overrideReason = overrideReason;
        // a lead's conflicts are accepted only by the Chair's override; a panel member may sit with known ties
        // (panels include agency people), so what is known at appointment is accepted and only a new tie flags
        boolean acceptsKnown = overrideReason != null || role == AppointmentRole.PANEL_MEMBER;
        this.overriddenConflicts = acceptsKnown && accepted != null ? String.join(" ", keys(accepted)) : null;
    }

    /**
     * The conflicts that matter for leading a review (those with the case and its organisations), keyed
     * so that a tie the Chair accepted stays accepted as it ages: a current, future or recent
     * affiliation with one organisation is the same tie.
     */
    static Set<String> keys(IndependenceAnswer answer) {
        Set<String> keys = new TreeSet<>();
        for (Conflict c : answer.conflicts()) {
            String kind = switch (c.reason()) {
                case BOARD_MEMBERSHIP -> null;
                case CURRENT_AFFILIATION, RECENT_AFFILIATION, FUTURE_AFFILIATION -> "AFFILIATION";
                default -> c.reason().name();
            };
            if (kind != null) {
                keys.add(kind + ":" + (c.organisationId() == null ? "-" : c.organisationId()));
            }
        }
        return keys;
    }

    /**
     * Re-runs the independence rule on this appointment: flags it when a conflict the Chair did not
     * accept has appeared, clears the flag when none is left.
     *
     * @return true when the appointment became flagged by this check
     */
    boolean recheck(IndependenceAnswer answer, Instant at) {
        Set<String> now = keys(answer);
        if (overriddenConflicts != null && !overriddenConflicts.isEmpty()) {
            now.removeAll(Set.of(overriddenConflicts.split(" ")));
        }
        if (now.isEmpty()) {
            flaggedAt = null;
            flagReasons = null;
            return false;
        }
        boolean newly = flaggedAt == null;
        String reasons = answer.conflicts().stream()
                .filter(c -> c.reason() != ConflictReason.BOARD_MEMBERSHIP)
                .map(c -> c.reason() + ": " + c.detail())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        flaggedAt = newly ? at : flaggedAt;
        flagReasons = reasons.length() > 4000 ? reasons.substring(0, 4000) : reasons;
        return newly;
    }

    void end(String by, Instant at) {
        this.endedAt = at;
        this.endedBy = by;
    }

    public boolean active() {
        return endedAt == null;
    }

    /** Whether this live appointment is held by the given account or reviewer profile. */
    public boolean heldBy(String callerAccountId, String callerReviewerId) {
        return active()
                && ((accountId != null && accountId.equals(callerAccountId))
                        || (reviewerId != null && reviewerId.equals(callerReviewerId)));
    }

    public String id() {
        return id;
    }

    public AppointmentRole role() {
        return role;
    }

    public Optional<String> reviewerId() {
        return Optional.ofNullable(reviewerId);
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Instant appointedAt() {
        return appointedAt;
    }

    public String appointedBy() {
        return appointedBy;
    }

    public Optional<String> overrideReason() {
        return Optional.ofNullable(overrideReason);
    }

    public boolean flagged() {
        return flaggedAt != null;
    }

    public Optional<Instant> flaggedAt() {
        return Optional.ofNullable(flaggedAt);
    }

    public Optional<String> flagReasons() {
        return Optional.ofNullable(flagReasons);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<String> endedBy() {
        return Optional.ofNullable(endedBy);
    }
}
