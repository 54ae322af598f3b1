package org.lscb.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/**
 * What the rapid response to an unexpected child death records beside its clocks, without naming the child: the
 * decision on a visit to the place of death [32] and the post-mortem [36-39]. Narrative (the findings, what was
 * found at the visit) stays in encrypted documents; only dates, times, yes-or-no answers and the reason for not
 * visiting are kept here.
 */
@Embeddable
public class RapidResponse {

    public static final int MAX_REASON = 1000;

    @Enumerated(EnumType.STRING)
    @Column(name = "visit_decision", length = 20)
    private VisitDecision visitDecision;

    /** When the visit was made, or when it was decided not to make one. */
    @Column(name = "visit_at")
    private Instant visitAt;

    @Column(name = "visit_reason", length = MAX_REASON)
    private String visitReason;

    @Column(name = "visit_recorded_by", length = 36)
    private String visitRecordedBy;

    @Column(name = "visit_recorded_at")
    private Instant visitRecordedAt;

    @Column(name = "post_mortem_final_on")
    private LocalDate finalReportOn;

    @Column(name = "inquest_opened")
    private Boolean inquestOpened;

    @Column(name = "post_mortem_abuse_or_neglect")
    private Boolean suggestsAbuseOrNeglect;

    @Column(name = "case_discussion_on")
    private LocalDate caseDiscussionOn;

    @Column(name = "post_mortem_recorded_by", length = 36)
    private String postMortemRecordedBy;

    @Column(name = "post_mortem_recorded_at")
    private Instant postMortemRecordedAt;

    protected RapidResponse() {}

    static RapidResponse none() {
        return new RapidResponse();
    }

    /**
     * Records the visit decision [32]: a visit with the time it was made, or a decision not to visit with the time
     * it was made and the reason (required: the guidance expects a visit "almost always" after a sudden infant
     * death, so not making one is explained). Neither time lies in the future or before the death.
     *
     * @param at     the visit's time (VISITED) or the decision's (NOT_VISITING)
     * @param diedAt the time the visit clock started: the death, or the start of its day when only the day is known
     * @throws InvalidValueException naming the field
     */
    RapidResponse withVisit(VisitDecision decision, Instant at, String reason, Instant diedAt, String by, Instant now) {
        Text.present(decision, "decision");
        String atField = decision == VisitDecision.VISITED ? "visitedAt" : "decidedAt";
        Text.present(at, atField);
        if (at.isAfter(now)) {
            throw new InvalidValueException(atField, "must not be in the future");
        }
        if (at.isBefore(diedAt)) {
            throw new InvalidValueException(atField, "must not be before the death (" + diedAt + ")");
        }
        String why;
        if (decision == VisitDecision.NOT_VISITING) {
            why = Text.required(reason, "reason", MAX_REASON);
        } else {
            if (reason != null) {
                throw new InvalidValueException("reason", "is only for a decision not to visit (NOT_VISITING)");
            }
            why = null;
        }
        RapidResponse r = copy();
        r.visitDecision = decision;
        r.visitAt = at;
        r.visitReason = why;
        r.visitRecordedBy = by;
        r.visitRecordedAt = now;
        return r;
    }

    /**
     * Records the post-mortem: the day the final report came [36], whether the coroner opened an inquest [37],
     * whether the results suggest abuse or neglect [38], and the day of the case discussion the designated
     * paediatrician convenes once the final result is available [39], when it has been held.
     *
     * @param diedOn the day of death: the report comes no earlier
     * @throws InvalidValueException naming the field: a missing answer, a day in the future, a report before the
     *                               death or a case discussion before the report
     */
    RapidResponse withPostMortem(
            LocalDate finalReportOn,
            Boolean inquestOpened,
            Boolean suggestsAbuseOrNeglect,
            LocalDate caseDiscussionOn,
            LocalDate diedOn,
            String by,
            Instant now,
            LocalDate today) {
        Text.present(finalReportOn, "finalReportOn");
        Text.present(inquestOpened, "inquestOpened");
        Text.present(suggestsAbuseOrNeglect, "suggestsAbuseOrNeglect");
        if (finalReportOn.isAfter(today)) {
            throw new InvalidValueException("finalReportOn", "must not be in the future");
        }
        if (finalReportOn.isBefore(diedOn)) {
            throw new InvalidValueException("finalReportOn", "must not be before the death (" + diedOn + ")");
        }
        if (caseDiscussionOn != null && caseDiscussionOn.isAfter(today)) {
            throw new InvalidValueException("caseDiscussionOn", "must not be in the future");
        }
        if (caseDiscussionOn != null && caseDiscussionOn.isBefore(finalReportOn)) {
            throw new InvalidValueException(
                    "caseDiscussionOn",
                    "must not be before the final post-mortem report (" + finalReportOn
                            + "): this discussion is convened once the final result is available [39]");
        }
        RapidResponse r = copy();
        r.finalReportOn = finalReportOn;
        r.inquestOpened = inquestOpened;
        r.suggestsAbuseOrNeglect = suggestsAbuseOrNeglect;
        r.caseDiscussionOn = caseDiscussionOn;
        r.postMortemRecordedBy = by;
        r.postMortemRecordedAt = now;
        return r;
    }

    private RapidResponse copy() {
        RapidResponse r = new RapidResponse();
        r.visitDecision = visitDecision;
        r.visitAt = visitAt;
        r.visitReason = visitReason;
        r.visitRecordedBy = visitRecordedBy;
        r.visitRecordedAt = visitRecordedAt;
        r.finalReportOn = finalReportOn;
        r.inquestOpened = inquestOpened;
        r.suggestsAbuseOrNeglect = suggestsAbuseOrNeglect;
        r.caseDiscussionOn = caseDiscussionOn;
        r.postMortemRecordedBy = postMortemRecordedBy;
        r.postMortemRecordedAt = postMortemRecordedAt;
        return r;
    }

    public Optional<VisitDecision> visitDecision() {
        return Optional.ofNullable(visitDecision);
    }

    public Optional<Instant> visitAt() {
        return Optional.ofNullable(visitAt);
    }

    public Optional<String> visitReason() {
        return Optional.ofNullable(visitReason);
    }

    public Optional<String> visitRecordedBy() {
        return Optional.ofNullable(visitRecordedBy);
    }

    public Optional<Instant> visitRecordedAt() {
        return Optional.ofNullable(visitRecordedAt);
    }

    public Optional<LocalDate> finalReportOn() {
        return Optional.ofNullable(finalReportOn);
    }

    /** Whether the coroner opened an inquest, once the post-mortem is recorded; empty before. */
    public Optional<Boolean> inquestOpened() {
        return Optional.ofNullable(inquestOpened);
    }

    public Optional<Boolean> suggestsAbuseOrNeglect() {
        return Optional.ofNullable(suggestsAbuseOrNeglect);
    }

    public Optional<LocalDate> caseDiscussionOn() {
        return Optional.ofNullable(caseDiscussionOn);
    }

    public Optional<String> postMortemRecordedBy() {
        return Optional.ofNullable(postMortemRecordedBy);
    }

    public Optional<Instant> postMortemRecordedAt() {
        return Optional.ofNullable(postMortemRecordedAt);
    }

    /**
     * [38]: post-mortem results that "suggest evidence of abuse or neglect as a possible cause of death" are told
     * to the LSCB Chair "so that they can initiate a Serious Case Review": the review then prompts a referral.
     */
    public boolean scrReferralPrompted() {
        return Boolean.TRUE.equals(suggestsAbuseOrNeglect);
    }

    /**
     * [39]: "A further multi-agency case discussion should be convened by the designated paediatrician as soon as
     * the final post mortem result is available". The guidance gives no number of days, so this is a step the
     * review shows as awaited from the final report until its day is recorded, not a clock.
     */
    public boolean caseDiscussionAwaited() {
        return finalReportOn != null && caseDiscussionOn == null;
    }
}
