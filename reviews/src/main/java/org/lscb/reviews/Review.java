package org.lscb.reviews;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.Recommendation;

/**
 * A learning review: its type, the board's reference and a pseudonym for the child (never a name),
 * the lead and cooperating boards, the organisations whose actions are reviewed, the key dates and
 * the statutory clocks that run from them, the SCR decision and the appointments.
 */
@Entity
@Table(name = "review")
public class Review {

    public static final int MAX_ORGANISATIONS = 50;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 30)
    private ReviewType type;

    @Column(name = "reference", nullable = false, length = ReviewReference.MAX)
    private String reference;

    @Column(name = "pseudonym", nullable = false, length = Pseudonym.MAX)
    private String pseudonym;

    @Column(name = "lead_lscb_id", nullable = false, length = 36)
    private String leadLscbId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_cooperating_board", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "lscb_id", length = 36)
    private Set<String> cooperatingBoards = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_organisation", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "organisation_id", length = 36)
    private Set<String> organisationIds = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private ReviewStatus status;

    @Embedded
    private KeyDates dates;

    @Embedded
    private ChildDeath childDeath;

    @Column(name = "looked_after", nullable = false)
    private boolean lookedAfter;

    @Embedded
    private ScrFacts scrFacts;

    @Embedded
    private RapidResponse rapidResponse;

    @Column(name = "scr_criteria_met")
    private Boolean scrCriteriaMet;

    @Enumerated(EnumType.STRING)
    @Column(name = "scr_decision", length = 30)
    private ScrDecisionKind scrDecision;

    @Column(name = "scr_decision_reason", length = 2000)
    private String scrDecisionReason;

    @Column(name = "scr_decided_on")
    private LocalDate scrDecidedOn;

    @Column(name = "scr_decision_recorded_by", length = 36)
    private String scrDecisionRecordedBy;

    @Embedded
    private CdopAnalysis cdopAnalysis;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_cdop_recommendation", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "rec_order")
    private List<Recommendation> recommendations = new ArrayList<>();

    /** The serious case review the panel referred this child death to [27, 38]. */
    @Column(name = "scr_referral_review_id", length = 36)
    private String scrReferralReviewId;

    /** The child death review whose panel referred this case for an SCR [27, 38]. */
    @Column(name = "referred_from_review_id", length = 36)
    private String referredFromReviewId;

    /** The day the review was completed (a child death review: signed off by the panel). */
    @Column(name = "completed_on")
    private LocalDate completedOn;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("startedOn")
    private List<ReviewClock> clocks = new ArrayList<>();

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("appointedAt")
    private List<Appointment> appointments = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Review() {}

    /** What a board knows when it opens a review. */
    public record Opening(
            ReviewType type,
            String reference,
            String pseudonym,
            LeadBoardRule.Boards boards,
            Set<String> organisationIds,
            KeyDates dates,
            ChildDeath childDeath,
            boolean lookedAfter) {}

    /**
     * @throws InvalidValueException naming the field when the opening breaks a rule of its type: a child
     *                               death review needs the death (under 18, not a stillbirth or lawful
     *                               termination) and its date; an SCR needs the notification date
     */
    public Review(Opening o, String by, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.type = Text.present(o.type(), "type");
        this.reference = ReviewReference.check(o.reference());
        this.pseudonym = Pseudonym.check(o.pseudonym());
        this.leadLscbId = o.boards().lead();
        this.cooperatingBoards.addAll(o.boards().cooperating());
        setOrganisations(o.organisationIds());
        this.dates = Text.present(o.dates(), "dates");
        this.lookedAfter = o.lookedAfter();
        this.createdBy = by;
        this.createdAt = now;
        if (type == ReviewType.CHILD_DEATH_REVIEW) {
            this.childDeath = Text.present(o.childDeath(), "childDeath");
            if (dates.death().isEmpty()) {
                throw new InvalidValueException("dates.death", "is required for a child death review");
            }
        } else {
            this.childDeath = o.childDeath();
        }
        if (type == ReviewType.SERIOUS_CASE_REVIEW && dates.notification().isEmpty()) {
            throw new InvalidValueException(
                    "dates.notification", "is required for a serious case review: the decision clock starts from it");
        }
        this.status =
                type == ReviewType.SERIOUS_CASE_REVIEW ? ReviewStatus.AWAITING_DECISION : ReviewStatus.IN_PROGRESS;
        startClocks();
    }

    private void setOrganisations(Set<String> ids) {
        Set<String> orgs = Text.present(ids, "organisationIds");
        if (orgs.size() > MAX_ORGANISATIONS) {
            throw new InvalidValueException(
                    "organisationIds", "must name at most " + MAX_ORGANISATIONS + " organisations");
        }
        if (orgs.contains(leadLscbId)) {
            throw new InvalidValueException(
                    "organisationIds", "must not name the lead board, which commissions the review");
        }
        organisationIds.clear();
        organisationIds.addAll(orgs);
    }

    /** Starts each clock that runs on this review and whose start day is now known. */
    private void startClocks() {
        for (ClockKind k : ClockKind.values()) {
            if (clock(k).isEmpty()) {
                k.startFor(this)
                        .ifPresent(start -> clocks.add(
                                new ReviewClock(this, k, start, k.startAt(this).orElse(null))));
            }
        }
    }

    /**
     * Records the Chair's decision on a notified serious incident. The decision clock is met on the day
     * of the decision; telling Ofsted and DfE starts then.
     *
     * @throws ReviewRuleException {@code scr_required} when the criteria are met and the decision is not
     *                             to commission an SCR [17]; {@code already_decided} after a decision
     */
    public ScrCriteria.Assessment recordScrDecision(
            ScrFacts facts, ScrDecisionKind decision, String reason, LocalDate on, String by, LocalDate today) {
        if (type != ReviewType.SERIOUS_CASE_REVIEW && scrDecision == null) {
            throw new ReviewRuleException(
                    "not_an_scr",
                    "Review " + id + " is a " + type + "; only a notified serious case awaits an SCR decision");
        }
        if (status != ReviewStatus.AWAITING_DECISION) {
            throw new ReviewRuleException(
                    "already_decided",
                    "Review " + id + " is not awaiting an SCR decision"
                            + (scrDecision == null
                                    ? ""
                                    : "; the Chair decided " + scrDecision + " on " + scrDecidedOn));
        }
        Text.present(decision, "decision");
        String why = Text.required(reason, "reason", 2000);
        if (on.isAfter(today)) {
            throw new InvalidValueException("decidedOn", "must not be in the future");
        }
        ScrCriteria.Assessment assessment = ScrCriteria.assess(Text.present(facts, "facts"));
        if (assessment.met() && decision != ScrDecisionKind.COMMISSION_SCR) {
            throw new ReviewRuleException(
                    "scr_required",
                    "The facts meet the criteria for a serious case review (" + String.join("; ", assessment.because())
                            + "), so the LSCB must commission one [17, 18]");
        }
        KeyDates decided = dates().initiatedOn(on);
        this.scrFacts = facts;
        this.scrCriteriaMet = assessment.met();
        this.scrDecision = decision;
        this.scrDecisionReason = why;
        this.scrDecidedOn = on;
        this.scrDecisionRecordedBy = by;
        clock(ClockKind.SCR_DECISION).ifPresent(c -> c.meet(on));
        switch (decision) {
            case COMMISSION_SCR -> {
                this.status = ReviewStatus.IN_PROGRESS;
                if (dates().initiated().isEmpty()) {
                    this.dates = decided;
                }
            }
            case MANAGEMENT_REVIEW -> {
                this.type = ReviewType.MANAGEMENT_REVIEW;
                this.status = ReviewStatus.IN_PROGRESS;
            }
            case NO_REVIEW -> this.status = ReviewStatus.CLOSED_NO_REVIEW;
        }
        startClocks();
        return assessment;
    }

    /**
     * Records the decision on a visit to the place of death [32], which meets the visit clock ({@code HOME_VISIT})
     * at the time of the visit or of the decision not to visit. Recorded once.
     *
     * @throws ReviewRuleException {@code no_visit_decision} when no visit is decided on this review (not an
     *                             unexpected death at home or in the community); {@code visit_decision_recorded}
     *                             the second time
     */
    public void recordVisitDecision(VisitDecision decision, Instant at, String reason, String by, Instant now) {
        ReviewClock visit = clock(ClockKind.HOME_VISIT)
                .orElseThrow(() -> new ReviewRuleException(
                        "no_visit_decision",
                        "Review " + id + " decides no visit: that is for an unexpected death at home or in the"
                                + " community [32]"));
        if (rapidResponse().visitDecision().isPresent()) {
            throw new ReviewRuleException(
                    "visit_decision_recorded",
                    "The visit decision of review " + id + " was recorded at "
                            + rapidResponse().visitRecordedAt().orElseThrow() + " ("
                            + rapidResponse().visitDecision().orElseThrow() + ")");
        }
        this.rapidResponse = rapidResponse()
                .withVisit(decision, at, reason, visit.startedAt().orElseThrow(), by, now);
        visit.meetAt(at);
    }

    /**
     * Records the post-mortem [36-39] (again, to correct or complete it: whether an inquest is opened may come
     * later). The joint report's clock follows the inquest ({@link ClockKind#jointReportOwed}): an unmet one is
     * removed when no inquest is opened, and started when one is opened on a death first recorded as expected.
     *
     * @return the clocks this removed
     * @throws ReviewRuleException {@code not_a_child_death} for a review that is not a child death review
     */
    public List<ClockKind> recordPostMortem(
            LocalDate finalReportOn,
            Boolean inquestOpened,
            Boolean suggestsAbuseOrNeglect,
            LocalDate caseDiscussionOn,
            String by,
            Instant now,
            LocalDate today) {
        if (type != ReviewType.CHILD_DEATH_REVIEW) {
            throw new ReviewRuleException(
                    "not_a_child_death",
                    "Review " + id + " is a " + type + "; a post-mortem is recorded on a child death review");
        }
        this.rapidResponse = rapidResponse()
                .withPostMortem(
                        finalReportOn,
                        inquestOpened,
                        suggestsAbuseOrNeglect,
                        caseDiscussionOn,
                        dates().death().orElseThrow(),
                        by,
                        now,
                        today);
        List<ClockKind> removed = new ArrayList<>();
        clocks.removeIf(c -> {
            boolean lifted = c.outstanding() && c.kind().startFor(this).isEmpty();
            if (lifted) {
                removed.add(c.kind());
            }
            return lifted;
        });
        startClocks();
        return removed;
    }

    /**
     * The coroner received the joint report [37]: its clock is met at that time, when it is still owed.
     *
     * @return whether this met the clock
     */
    public boolean jointReportReceived(Instant at) {
        Optional<ReviewClock> c = clock(ClockKind.CORONER_JOINT_REPORT).filter(ReviewClock::outstanding);
        c.ifPresent(clock -> clock.meetAt(at)); // a pause ends on the day the report arrived
        return c.isPresent();
    }

    public void pauseClock(ClockKind kind, LocalDate on, String reason, LocalDate today) {
        runningClock(kind, on, today).pause(on, reason);
    }

    public void resumeClock(ClockKind kind, LocalDate on, LocalDate today) {
        runningClock(kind, on, today).resume(on);
    }

    /** Records that a clock's duty was done; the completion of an SCR completes the review ({@link #complete}). */
    public void meetClock(ClockKind kind, LocalDate on, LocalDate today) {
        if (kind == ClockKind.SCR_DECISION) {
            throw new InvalidValueException(
                    "clock", "SCR_DECISION is met by recording the Chair's decision (scr-decision)");
        }
        if (kind == ClockKind.HOME_VISIT) {
            throw new InvalidValueException(
                    "clock", "HOME_VISIT is met by recording the visit decision at its time (visit-decision) [32]");
        }
        runningClock(kind, on, today).meet(on);
        if (kind == ClockKind.SCR_COMPLETION) {
            complete(on);
        }
    }

    /**
     * Records the coded part of the panel's analysis of a child death (the national analysis form) and its
     * recommendations, replacing what was recorded before [27].
     *
     * @throws ReviewRuleException {@code not_a_child_death_review}; {@code review_closed} once signed off
     */
    public void recordCdopAnalysis(CdopAnalysis analysis, List<Recommendation> recs) {
        mustBeOpenChildDeathReview("analysed");
        Text.present(analysis, "analysis");
        if (recs.size() > Recommendation.MAX_PER_REVIEW) {
            throw new InvalidValueException(
                    "recommendations", "must hold at most " + Recommendation.MAX_PER_REVIEW + " recommendations");
        }
        this.cdopAnalysis = analysis;
        this.recommendations.clear();
        this.recommendations.addAll(recs);
    }

    /**
     * The panel refers the case back to the LSCB Chair to consider an SCR, when a suspicion arises that abuse or
     * neglect may have been a factor [27, 38], and always for a death in custody [17]: a serious case review of the
     * same child opens at the same boards with the same organisations, notified {@code today}, awaiting the
     * Chair's decision, and each review names the other.
     *
     * @throws ReviewRuleException {@code not_a_child_death_review}, {@code review_closed}, {@code already_referred}
     */
    public Review referForScr(String reference, String by, Instant now, LocalDate today) {
        mustBeOpenChildDeathReview("referred");
        if (scrReferralReviewId != null) {
            throw new ReviewRuleException(
                    "already_referred",
                    "Review " + id + " was already referred: serious case review " + scrReferralReviewId);
        }
        Review scr = new Review(
                new Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        reference,
                        pseudonym,
                        new LeadBoardRule.Boards(leadLscbId, cooperatingBoards),
                        organisationIds,
                        new KeyDates(
                                dates().death().orElse(null), dates().death().orElse(null), today, null, null, today),
                        childDeath == null ? null : childDeath.copy(),
                        lookedAfter),
                by,
                now);
        scr.referredFromReviewId = id;
        this.scrReferralReviewId = scr.id;
        return scr;
    }

    /**
     * The panel signs off a child death review it has analysed [27]: the review is completed and its clocks stop.
     *
     * @throws ReviewRuleException {@code analysis_incomplete} until the analysis is recorded in full;
     *     {@code scr_referral_required} for a death in custody not referred for an SCR [17];
     *     {@code not_a_child_death_review}, {@code review_closed}
     */
    public void signOffChildDeath(LocalDate on) {
        mustBeOpenChildDeathReview("signed off");
        if (cdopAnalysis().isEmpty()) {
            throw new ReviewRuleException(
                    "analysis_incomplete",
                    "The panel's analysis of review " + id + " is not recorded in full (category, the four domains and"
                            + " the judgement on modifiable factors): record it (cdop-analysis) before signing off [27]");
        }
        if (childDeath().inCustody() && scrReferralReviewId == null) {
            throw new ReviewRuleException(
                    "scr_referral_required",
                    "The child died in custody: an SCR should always be carried out [17]; refer the case (scr-referral)"
                            + " before signing off");
        }
        complete(on);
    }

    /**
     * Completes a management review or a practice audit: the lead board's officers record that the review's work is
     * done [8, 19]. An SCR is completed by meeting its completion clock and a child death review by the panel's
     * sign-off, so neither is completed here.
     *
     * @throws ReviewRuleException {@code not_completable_here} for an SCR or a child death review;
     *     {@code review_closed} for a review not in progress
     */
    public void completeReview(LocalDate on, LocalDate today) {
        if (type != ReviewType.MANAGEMENT_REVIEW && type != ReviewType.PRACTICE_AUDIT) {
            throw new ReviewRuleException(
                    "not_completable_here",
                    type == ReviewType.SERIOUS_CASE_REVIEW
                            ? "An SCR is completed by meeting its SCR_COMPLETION clock"
                            : "A child death review is completed by the panel's sign-off (cdop-sign-off)");
        }
        if (status != ReviewStatus.IN_PROGRESS) {
            throw new ReviewRuleException("review_closed", "Review " + id + " is " + status + ", not in progress");
        }
        if (on.isAfter(today)) {
            throw new InvalidValueException("on", "must not be in the future");
        }
        complete(on);
    }

    /**
     * The review is completed on {@code on}: every clock of its own work still running stops, as nothing is left to
     * meet it ({@link ReviewClock#outstanding}). Telling Ofsted and DfE of the SCR decision
     * ({@link ClockKind#DECISION_REPORTED}) is a duty to others that completion does not end.
     */
    private void complete(LocalDate on) {
        this.status = ReviewStatus.COMPLETED;
        this.completedOn = on;
        for (ReviewClock c : clocks) {
            if (c.kind() != ClockKind.DECISION_REPORTED) {
                c.stop(on);
            }
        }
    }

    private void mustBeOpenChildDeathReview(String what) {
        if (type != ReviewType.CHILD_DEATH_REVIEW) {
            throw new ReviewRuleException(
                    "not_a_child_death_review",
                    "Review " + id + " is a " + type + "; only a child death review is " + what + " by the panel");
        }
        if (!status.open()) {
            throw new ReviewRuleException("review_closed", "Review " + id + " is " + status);
        }
    }

    private ReviewClock runningClock(ClockKind kind, LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new InvalidValueException("on", "must not be in the future");
        }
        ReviewClock c = clock(kind)
                .orElseThrow(() -> new InvalidValueException("clock", kind + " is not running on this review"));
        if (c.metOn().isPresent()) {
            throw new InvalidValueException(
                    "clock", kind + " was met on " + c.metOn().get());
        }
        if (c.stoppedOn().isPresent()) {
            throw new InvalidValueException(
                    "clock", kind + " stopped on " + c.stoppedOn().get() + " when the review was completed");
        }
        return c;
    }

    /** The independence of a reviewer from this review, its organisations and its lead board, on a day. */
    public IndependenceAnswer independenceOf(Reviewer reviewer, IndependenceCheck check, LocalDate day) {
        return check.check(reviewer, organisationIds, leadLscbId, id, day);
    }

    /**
     * Appoints someone. A lead reviewer who is not independent of the case and its organisations is
     * refused unless the Chair overrides with a written reason; the override keeps the conflicts it
     * accepted.
     *
     * @param independence the check's answer for a reviewer from the register, null for an account
     * @throws NotIndependentException for a conflicted lead without an override
     */
    public Appointment appoint(
            AppointmentRole role,
            String reviewerId,
            String accountId,
            IndependenceAnswer independence,
            String overrideReason,
            String by,
            Instant at) {
        Text.present(role, "role");
        if (status == ReviewStatus.CLOSED_NO_REVIEW || status == ReviewStatus.COMPLETED) {
            throw new ReviewRuleException(
                    "review_closed", "Review " + id + " is " + status + "; nobody can be appointed to it");
        }
        boolean rightPerson =
                role.fromRegister() ? reviewerId != null && accountId == null : reviewerId == null && accountId != null;
        if (!rightPerson) {
            throw new InvalidValueException(
                    role.fromRegister() ? "reviewerId" : "accountId",
                    role.fromRegister()
                            ? "a " + role + " is appointed from the reviewer register by reviewerId"
                            : "a " + role + " is appointed by accountId");
        }
        boolean again = appointments.stream()
                .anyMatch(a -> a.active()
                        && a.role() == role
                        && (reviewerId != null
                                ? reviewerId.equals(a.reviewerId().orElse(null))
                                : accountId.equals(a.accountId().orElse(null))));
        if (again) {
            throw new ReviewRuleException(
                    "already_appointed", "This person already holds the role " + role + " on review " + id);
        }
        String reason = Text.optional(overrideReason, "override.reason", 2000);
        if (overrideReason != null && reason == null) {
            throw new InvalidValueException("override.reason", "an override needs the Chair's written reason");
        }
        boolean conflicted = independence != null && !independence.independent();
        if (role == AppointmentRole.LEAD_REVIEWER && conflicted && reason == null) {
            throw new NotIndependentException(reviewerId, id, independence);
        }
        if (reason != null && !(role == AppointmentRole.LEAD_REVIEWER && conflicted)) {
            throw new InvalidValueException(
                    "override", "an override is only for a lead reviewer who is not independent");
        }
        Appointment a = new Appointment(this, role, reviewerId, accountId, by, at, reason, independence);
        appointments.add(a);
        return a;
    }

    /** Ends an appointment; the person's access to the review ends with it. */
    public Appointment endAppointment(String appointmentId, String by, Instant at) {
        Appointment a = appointments.stream()
                .filter(x -> x.id().equals(appointmentId) && x.active())
                .findFirst()
                .orElseThrow(() -> new UnknownAppointmentException(appointmentId));
        a.end(by, at);
        return a;
    }

    /**
     * Replaces the organisations whose actions are reviewed.
     *
     * @return the appointments this change flagged as no longer independent
     */
    public List<Appointment> changeOrganisations(
            Set<String> ids, Function<String, IndependenceAnswer> checkReviewer, Instant at) {
        setOrganisations(ids);
        return recheckAppointments(checkReviewer, at);
    }

    /**
     * Re-runs the independence check on every live appointment from the register (leads and panel members).
     *
     * @param checkReviewer the check's answer for a reviewer id against this review as it now stands
     * @return the appointments newly flagged
     */
    public List<Appointment> recheckAppointments(Function<String, IndependenceAnswer> checkReviewer, Instant at) {
        List<Appointment> flagged = new ArrayList<>();
        for (Appointment a : appointments) {
            if (a.active()
                    && a.role().fromRegister()
                    && a.recheck(checkReviewer.apply(a.reviewerId().orElseThrow()), at)) {
                flagged.add(a);
            }
        }
        return flagged;
    }

    public Optional<ReviewClock> clock(ClockKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    public List<Appointment> activeAppointments() {
        return appointments.stream().filter(Appointment::active).toList();
    }

    public String id() {
        return id;
    }

    public ReviewType type() {
        return type;
    }

    public String reference() {
        return reference;
    }

    public String pseudonym() {
        return pseudonym;
    }

    public String leadLscbId() {
        return leadLscbId;
    }

    public Set<String> cooperatingBoards() {
        return Set.copyOf(cooperatingBoards);
    }

    public Set<String> organisationIds() {
        return Set.copyOf(organisationIds);
    }

    public ReviewStatus status() {
        return status;
    }

    /** The key dates; none recorded reads as an empty record (JPA reads an embeddable of nulls back as null). */
    public KeyDates dates() {
        return dates == null ? new KeyDates() : dates;
    }

    /** The circumstances of the death; an empty record for reviews that are not about a death. */
    public ChildDeath childDeath() {
        return childDeath == null ? new ChildDeath() : childDeath;
    }

    public boolean lookedAfter() {
        return lookedAfter;
    }

    /** The visit decision and the post-mortem; empty until recorded. */
    public RapidResponse rapidResponse() {
        return rapidResponse == null ? RapidResponse.none() : rapidResponse;
    }

    public Optional<ScrFacts> scrFacts() {
        return scrFacts == null || !scrFacts.recorded() ? Optional.empty() : Optional.of(scrFacts);
    }

    public Optional<Boolean> scrCriteriaMet() {
        return Optional.ofNullable(scrCriteriaMet);
    }

    public Optional<ScrDecisionKind> scrDecision() {
        return Optional.ofNullable(scrDecision);
    }

    public Optional<String> scrDecisionReason() {
        return Optional.ofNullable(scrDecisionReason);
    }

    public Optional<LocalDate> scrDecidedOn() {
        return Optional.ofNullable(scrDecidedOn);
    }

    public Optional<String> scrDecisionRecordedBy() {
        return Optional.ofNullable(scrDecisionRecordedBy);
    }

    /**
     * The panel's coded analysis, when recorded in full ({@link CdopAnalysis#complete}): what sign-off needs, what
     * the statistics count and what the analysis answer shows.
     */
    public Optional<CdopAnalysis> cdopAnalysis() {
        return Optional.ofNullable(cdopAnalysis).filter(CdopAnalysis::complete);
    }

    public List<Recommendation> recommendations() {
        return List.copyOf(recommendations);
    }

    public Optional<String> scrReferralReviewId() {
        return Optional.ofNullable(scrReferralReviewId);
    }

    public Optional<String> referredFromReviewId() {
        return Optional.ofNullable(referredFromReviewId);
    }

    public Optional<LocalDate> completedOn() {
        return Optional.ofNullable(completedOn);
    }

    public List<ReviewClock> clocks() {
        return List.copyOf(clocks);
    }

    public List<Appointment> appointments() {
        return List.copyOf(appointments);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
