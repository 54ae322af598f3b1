package org.lscb.server.report;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.clock.WorkingDays;

/**
 * What every section of a report reads: the board, the year, the day its figures are read on, the reviews the
 * board leads (loaded once for all sections), and the open read transaction for anything else a section
 * counts (action plans, published reports).
 *
 * @param reviews the reviews the board leads; a cooperating board reports its own [25]
 * @param asAt    the year's last day, or today while the year still runs
 */
public record ReportContext(
        String boardId,
        ReportingYear year,
        LocalDate asAt,
        List<Review> reviews,
        ClockSpans spans,
        WorkingDays workingDays,
        EntityManager em) {

    public ReportContext {
        reviews = List.copyOf(reviews);
    }

    /** The day the figures are read on: the year's last day, or {@code today} when the year has not ended. */
    public static LocalDate asAt(ReportingYear year, LocalDate today) {
        return today.isBefore(year.lastDay()) ? today : year.lastDay();
    }

    /** How a clock stood on the {@link #asAt} day, or empty when the deployment does not run its kind. */
    public Optional<Timeliness> timeliness(ReviewClock clock) {
        return Timeliness.of(clock, asAt, spans, workingDays);
    }
}
