package org.lscb.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.lscb.reviews.clock.Span;
import org.lscb.reviews.clock.TimedClock;

/**
 * The statutory clocks of docs/domain.md, each with its default span, the review it runs on and the date
 * it starts from. The spans are configuration ({@link ClockSpans}); these are the defaults.
 */
public enum ClockKind {
    /** The board decides whether the case meets the SCR criteria within one month of notification (checklist "Notification"). */
    SCR_DECISION(Span.months(1), false, "scr-decision"),
    /** Ofsted and DfE are told of the decision promptly (checklist "Notification"). */
    DECISION_REPORTED(Span.workingDays(5), false, "decision-reported"),
    /** An SCR should be completed within six months of initiating it; court proceedings may pause it (checklist "Timescale"). */
    SCR_COMPLETION(Span.months(6), true, "scr-completion"),
    /** The registrar's information reaches the LSCB within 7 days of registering the death. */
    REGISTRAR_INFORMATION(Span.days(7), false, "registrar-information"),
    /**
     * The joint report reaches the coroner within 28 days of the death unless crucial information is not yet
     * available [37]; met by the coroner's signed receipt of the report. Owed as {@link #jointReportOwed} says.
     */
    CORONER_JOINT_REPORT(Span.days(28), true, "coroner-joint-report"),
    /**
     * The decision on a visit to the place where the child died, within 24 hours of an unexpected death at home or
     * in the community [32]: counted in hours from the time of death ({@link #timed()}).
     */
    HOME_VISIT(Span.hours(24), false, "home-visit"),
    /** Serious incident notification to the national panel within 5 working days (regime after 2018). */
    NATIONAL_PANEL_NOTIFICATION(Span.workingDays(5), false, "national-panel-notification"),
    /** Rapid review within 15 working days of notification (regime after 2018). */
    RAPID_REVIEW(Span.workingDays(15), false, "rapid-review");

    private final Span defaultSpan;
    private final boolean pausable;
    private final String configName;

    ClockKind(Span defaultSpan, boolean pausable, String configName) {
        this.defaultSpan = defaultSpan;
        this.pausable = pausable;
        this.configName = configName;
    }

    public Span defaultSpan() {
        return defaultSpan;
    }

    /** Only the completion of an SCR and the coroner's joint report may wait, for a recorded reason. */
    public boolean pausable() {
        return pausable;
    }

    /** The key under {@code reviews.clock.} that sets its span. */
    public String configName() {
        return configName;
    }

    /**
     * Whether the clock runs from a time and is due a length of time later ({@link TimedClock}),
     * rather than from a day: only the visit decision, whose 24 hours [32] run from the time of death.
     */
    public boolean timed() {
        return this == HOME_VISIT;
    }

    /**
     * The time a {@link #timed()} clock starts at: the time of death when it is known (a notified death). When only
     * the day of death is known (a review an officer opened with a date), the start of that day in England: the
     * earliest the death can have happened, so the clock is never later than the guidance's 24 hours [32].
     */
    public Optional<Instant> startAt(Review r) {
        if (!timed()) {
            return Optional.empty();
        }
        return startFor(r)
                .map(day -> r.childDeath()
                        .diedAt()
                        .orElseGet(() -> day.atStartOfDay(TimedClock.ENGLAND).toInstant()));
    }

    /** The day this clock starts on for the review, when it runs on that review and its start is known. */
    public Optional<LocalDate> startFor(Review r) {
        KeyDates d = r.dates();
        boolean scr = r.type() == ReviewType.SERIOUS_CASE_REVIEW;
        boolean cdr = r.type() == ReviewType.CHILD_DEATH_REVIEW;
        ChildDeath death = r.childDeath();
        return switch (this) {
            case SCR_DECISION, RAPID_REVIEW -> scr ? d.notification() : Optional.empty();
            case NATIONAL_PANEL_NOTIFICATION -> scr ? d.incident() : Optional.empty();
            case DECISION_REPORTED -> r.scrDecidedOn();
            // only an SCR the Chair commissioned has one to complete: not while awaiting the decision, nor after
            // NO_REVIEW
            case SCR_COMPLETION ->
                scr && (r.status() == ReviewStatus.IN_PROGRESS || r.status() == ReviewStatus.COMPLETED)
                        ? d.initiated()
                        : Optional.empty();
            case REGISTRAR_INFORMATION -> cdr ? d.registration() : Optional.empty();
            case CORONER_JOINT_REPORT -> cdr && jointReportOwed(r) ? d.death() : Optional.empty();
            case HOME_VISIT ->
                cdr && death.unexpected() && death.atHome() && !death.abroad() ? d.death() : Optional.empty();
        };
    }

    /**
     * Whether the joint report to the coroner is owed [37]. The guidance ties it to the inquest: "If the death is
     * unnatural or the cause of death cannot be confirmed, the coroner will hold an inquest. Professionals ...
     * should ... provide him/her with a joint report ... within 28 days of the death". Read here as: an unexpected
     * death is reported to the coroner [29, 35], and until the post-mortem is recorded nobody knows whether an
     * inquest will follow, so the report is owed from the death; once the post-mortem is recorded, it is owed
     * exactly when the coroner opened an inquest, so a recorded "no inquest" lifts it (an unmet clock is removed)
     * and an inquest opened on a death first thought expected starts it, from the death.
     */
    static boolean jointReportOwed(Review r) {
        return r.rapidResponse().inquestOpened().orElse(r.childDeath().unexpected());
    }
}
