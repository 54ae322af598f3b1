package org.lscb.server.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.ReviewStatus;
import org.lscb.reviews.ScrDecisionKind;

/**
 * The days that place a review in a reporting year: when the board learnt of the case, when the review was
 * completed and when the Chair closed it with no review. Annual reports count reviews by these days, not by
 * when they were typed in, so that a review recorded late still counts in the year it belongs to [11, 19].
 */
public final class ReviewDays {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private ReviewDays() {}

    /**
     * The day the board learnt of the case: the notification; without one, the death (a child's death is
     * notified as it happens [28]); failing both, the day the review was opened here.
     */
    public static LocalDate opened(Review r) {
        return r.dates()
                .notification()
                .or(() -> r.dates().death())
                .orElseGet(() -> r.createdAt().atZone(ENGLAND).toLocalDate());
    }

    /**
     * The day a completed review was completed ({@link Review#completedOn}: an SCR's completion clock met, a child
     * death review signed off, a management review or audit completed); for an SCR completed before that day was
     * recorded, the day its completion clock was met.
     */
    public static Optional<LocalDate> completed(Review r) {
        if (r.status() != ReviewStatus.COMPLETED) {
            return Optional.empty();
        }
        return r.completedOn().or(() -> r.clock(ClockKind.SCR_COMPLETION).flatMap(ReviewClock::metOn));
    }

    /** The day the Chair decided to hold no review [7, 18]. */
    public static Optional<LocalDate> closedWithNoReview(Review r) {
        return r.status() == ReviewStatus.CLOSED_NO_REVIEW && r.scrDecision().orElse(null) == ScrDecisionKind.NO_REVIEW
                ? r.scrDecidedOn()
                : Optional.empty();
    }

    /** Whether the review was opened by {@code day} and neither completed nor closed by then. */
    public static boolean inProgressOn(Review r, LocalDate day) {
        return !opened(r).isAfter(day)
                && completed(r).filter(d -> !d.isAfter(day)).isEmpty()
                && closedWithNoReview(r).filter(d -> !d.isAfter(day)).isEmpty()
                && !(r.status() == ReviewStatus.COMPLETED && completed(r).isEmpty());
    }
}
