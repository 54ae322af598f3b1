package org.lscb.server.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lscb.registry.independence.Conflict;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.PanelRule;
import org.lscb.reviews.RapidResponse;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ScrFacts;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;

/** What the review endpoints answer; never an entity on the wire. */
public final class ReviewViews {

    private ReviewViews() {}

    public record DatesView(
            String incident, String death, String notification, String registration, String initiated) {}

    /** {@code diedAt}: the time of death when known (a notified death), null when only the day is. */
    public record ChildDeathView(
            Integer ageAtDeathYears,
            boolean unexpected,
            boolean atHome,
            boolean abroad,
            boolean inCustody,
            String diedAt) {}

    /** The visit decision [32]: {@code at} is when the visit was made, or when it was decided not to make one. */
    public record VisitDecisionView(String decision, String at, String reason, String recordedBy, String recordedAt) {}

    /** The post-mortem [36-39]; {@code caseDiscussionAwaited} from the final report until the discussion's day is recorded. */
    public record PostMortemView(
            String finalReportOn,
            boolean inquestOpened,
            boolean suggestsAbuseOrNeglect,
            String caseDiscussionOn,
            boolean caseDiscussionAwaited,
            String recordedBy,
            String recordedAt) {}

    public record FactsView(
            boolean abuseOrNeglectKnownOrSuspected,
            boolean childDied,
            boolean seriouslyHarmed,
            String interAgencyConcern,
            boolean diedInCustody) {}

    public record DecisionView(
            FactsView facts,
            Boolean criteriaMet,
            String decision,
            String reason,
            String decidedOn,
            String recordedBy) {}

    public record PauseView(String from, String to, String reason) {}

    /**
     * {@code startedAt}, {@code dueAt} and {@code metAt} are the times of a clock that runs from a time (the visit
     * decision's 24 hours [32]); null for a clock that runs in days. {@code due} and {@code metOn} are always days.
     */
    public record ClockView(
            String clock,
            String status,
            String startedOn,
            String due,
            String metOn,
            String pausedFor,
            boolean overdueMarked,
            List<PauseView> pauses,
            String startedAt,
            String dueAt,
            String metAt) {}

    public record OverrideView(String reason) {}

    public record AppointmentView(
            String id,
            String role,
            String reviewerId,
            String accountId,
            String appointedAt,
            String appointedBy,
            OverrideView override,
            boolean flagged,
            String flagReasons,
            String endedAt) {}

    public record ReviewView(
            String id,
            String type,
            String reference,
            String pseudonym,
            String leadLscbId,
            List<String> cooperatingLscbIds,
            List<String> organisationIds,
            String status,
            boolean lookedAfter,
            DatesView dates,
            ChildDeathView childDeath,
            DecisionView scrDecision,
            List<ClockView> clocks,
            List<AppointmentView> appointments,
            List<String> access,
            String completedOn,
            String scrReferralReviewId,
            String referredFromReviewId,
            VisitDecisionView visitDecision,
            PostMortemView postMortem,
            boolean scrReferralPrompted) {}

    public record FactorsView(
            String intrinsicToChild, String socialEnvironment, String physicalEnvironment, String serviceProvision) {}

    public record RecommendationView(String text, String organisationId) {}

    /** The panel's coded analysis [27]; {@code recorded} false (and the codes null) until it is recorded. */
    public record AnalysisView(
            String reviewId,
            String status,
            boolean recorded,
            Integer category,
            String categoryLabel,
            String categoryScheme,
            FactorsView factors,
            String factorScale,
            String modifiableFactors,
            List<RecommendationView> recommendations,
            String analysedAt,
            String analysedBy,
            String scrReferralReviewId) {}

    public record ConflictView(
            String reason, String organisationId, String kind, String from, String to, String detail) {}

    public record IndependenceView(boolean independent, boolean independentOfLscb, List<ConflictView> conflicts) {}

    public record UnmetView(String rule, String message) {}

    public record PanelCheckView(boolean meetsGuidance, List<UnmetView> unmet) {}

    public static ReviewView of(ReviewService.Seen seen, List<ReviewService.ClockReading> clocks) {
        Review r = seen.review();
        // why an appointment was overridden or flagged can hold a reviewer's declared interests: the boards' officers
        // and Chairs only
        boolean boardOfficer = seen.relations().contains(ReviewAccess.Relation.LEAD_BOARD_OFFICER)
                || seen.relations().contains(ReviewAccess.Relation.COOPERATING_BOARD_OFFICER)
                || seen.relations().contains(ReviewAccess.Relation.LEAD_BOARD_CHAIR)
                || seen.relations().contains(ReviewAccess.Relation.COOPERATING_BOARD_CHAIR);
        KeyDates d = r.dates();
        ChildDeath death = r.childDeath();
        return new ReviewView(
                r.id(),
                r.type().name(),
                r.reference(),
                r.pseudonym(),
                r.leadLscbId(),
                r.cooperatingBoards().stream().sorted().toList(),
                r.organisationIds().stream().sorted().toList(),
                r.status().name(),
                r.lookedAfter(),
                new DatesView(
                        text(d.incident().orElse(null)),
                        text(d.death().orElse(null)),
                        text(d.notification().orElse(null)),
                        text(d.registration().orElse(null)),
                        text(d.initiated().orElse(null))),
                death.recorded()
                        ? new ChildDeathView(
                                death.ageAtDeathYears(),
                                death.unexpected(),
                                death.atHome(),
                                death.abroad(),
                                death.inCustody(),
                                death.diedAt().map(ReviewViews::text).orElse(null))
                        : null,
                r.scrDecision()
                        .map(k -> new DecisionView(
                                r.scrFacts().map(ReviewViews::facts).orElse(null),
                                r.scrCriteriaMet().orElse(null),
                                k.name(),
                                r.scrDecisionReason().orElse(null),
                                text(r.scrDecidedOn().orElse(null)),
                                r.scrDecisionRecordedBy().orElse(null)))
                        .orElse(null),
                clocks.stream().map(ReviewViews::clock).toList(),
                r.appointments().stream()
                        .filter(a -> boardOfficer || a.active())
                        .map(a -> boardOfficer ? appointment(a) : appointmentOnly(a))
                        .toList(),
                seen.relations().stream().map(Enum::name).sorted().toList(),
                text(r.completedOn().orElse(null)),
                r.scrReferralReviewId().orElse(null),
                r.referredFromReviewId().orElse(null),
                visitDecision(r.rapidResponse()),
                postMortem(r.rapidResponse()),
                r.rapidResponse().scrReferralPrompted());
    }

    public static AnalysisView analysis(Review r) {
        List<RecommendationView> recs = r.recommendations().stream()
                .map(x -> new RecommendationView(x.text(), x.organisationId()))
                .toList();
        String referral = r.scrReferralReviewId().orElse(null);
        return r.cdopAnalysis()
                .map(a -> {
                    DeathCategory category = a.category().orElseThrow();
                    Map<FactorDomain, FactorLevel> f = a.factors();
                    return new AnalysisView(
                            r.id(),
                            r.status().name(),
                            true,
                            category.code(),
                            category.label(),
                            a.categoryScheme(),
                            new FactorsView(
                                    f.get(FactorDomain.INTRINSIC_TO_CHILD).mark(),
                                    f.get(FactorDomain.SOCIAL_ENVIRONMENT).mark(),
                                    f.get(FactorDomain.PHYSICAL_ENVIRONMENT).mark(),
                                    f.get(FactorDomain.SERVICE_PROVISION).mark()),
                            a.factorScale(),
                            a.modifiable().orElseThrow().name(),
                            recs,
                            text(a.analysedAt().orElse(null)),
                            a.analysedBy().orElse(null),
                            referral);
                })
                .orElseGet(() -> new AnalysisView(
                        r.id(),
                        r.status().name(),
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        recs,
                        null,
                        null,
                        referral));
    }

    static VisitDecisionView visitDecision(RapidResponse rr) {
        return rr.visitDecision()
                .map(d -> new VisitDecisionView(
                        d.name(),
                        text(rr.visitAt().orElse(null)),
                        rr.visitReason().orElse(null),
                        rr.visitRecordedBy().orElse(null),
                        text(rr.visitRecordedAt().orElse(null))))
                .orElse(null);
    }

    static PostMortemView postMortem(RapidResponse rr) {
        return rr.finalReportOn()
                .map(on -> new PostMortemView(
                        text(on),
                        rr.inquestOpened().orElse(false),
                        rr.suggestsAbuseOrNeglect().orElse(false),
                        text(rr.caseDiscussionOn().orElse(null)),
                        rr.caseDiscussionAwaited(),
                        rr.postMortemRecordedBy().orElse(null),
                        text(rr.postMortemRecordedAt().orElse(null))))
                .orElse(null);
    }

    static FactsView facts(ScrFacts f) {
        return new FactsView(
                f.abuseOrNeglectKnownOrSuspected(),
                f.childDied(),
                f.seriouslyHarmed(),
                f.interAgencyConcern().name(),
                f.diedInCustody());
    }

    static ClockView clock(ReviewService.ClockReading c) {
        var reading = c.reading();
        return new ClockView(
                c.clock().kind().name(),
                reading.status().name(),
                text(c.clock().startedOn()),
                text(reading.due()),
                text(reading.met()),
                reading.pausedFor(),
                c.clock().overdueMarkedAt().isPresent(),
                c.clock().pauses().stream()
                        .map(p -> new PauseView(
                                text(p.pausedOn()), text(p.resumedOn().orElse(null)), p.reason()))
                        .toList(),
                text(c.clock().startedAt().orElse(null)),
                text(reading.dueAt()),
                text(reading.metAt()));
    }

    static AppointmentView appointment(Appointment a) {
        return new AppointmentView(
                a.id(),
                a.role().name(),
                a.reviewerId().orElse(null),
                a.accountId().orElse(null),
                text(a.appointedAt()),
                a.appointedBy(),
                a.overrideReason().map(OverrideView::new).orElse(null),
                a.flagged(),
                a.flagReasons().orElse(null),
                a.endedAt().map(ReviewViews::text).orElse(null));
    }

    /** Who holds which role, without the reasons behind overrides and flags. */
    static AppointmentView appointmentOnly(Appointment a) {
        return new AppointmentView(
                a.id(),
                a.role().name(),
                a.reviewerId().orElse(null),
                a.accountId().orElse(null),
                text(a.appointedAt()),
                null,
                null,
                false,
                null,
                null);
    }

    public static IndependenceView independence(IndependenceAnswer a) {
        return new IndependenceView(
                a.independent(),
                a.independentOfLscb(),
                a.conflicts().stream().map(ReviewViews::conflict).toList());
    }

    static ConflictView conflict(Conflict c) {
        return new ConflictView(
                c.reason().name(), c.organisationId(), c.kind(), text(c.from()), text(c.to()), c.detail());
    }

    public static PanelCheckView panel(PanelRule.Answer a) {
        return new PanelCheckView(
                a.meetsGuidance(),
                a.unmet().stream()
                        .map(u -> new UnmetView(u.name(), u.unmetSentence()))
                        .toList());
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(Instant i) {
        return Objects.toString(i, null);
    }
}
