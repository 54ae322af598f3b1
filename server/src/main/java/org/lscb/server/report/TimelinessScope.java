package org.lscb.server.report;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;

/** Whose clocks a timeliness section counts, and whether its counts are suppressed. */
enum TimelinessScope {
    /** Every review the board leads; figures about the board's work, not about children, are shown as they are. */
    ALL_REVIEWS(r -> true, SmallCounts::shown),
    /** The child death reviews, for the CDOP: counts about children's deaths, so {@link SmallCounts} applies. */
    CHILD_DEATHS(r -> r.type() == ReviewType.CHILD_DEATH_REVIEW, SmallCounts::breakdown);

    private final Predicate<Review> reviews;
    private final Function<List<Integer>, List<Count>> counts;

    TimelinessScope(Predicate<Review> reviews, Function<List<Integer>, List<Count>> counts) {
        this.reviews = reviews;
        this.counts = counts;
    }

    boolean covers(Review r) {
        return reviews.test(r);
    }

    /** The parts followed by their total, as this scope shows them. */
    List<Count> counts(List<Integer> parts) {
        return counts.apply(parts);
    }
}
