package org.lscb.server.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.WorkingDays;

/**
 * Marks each clock that has gone overdue, once: an audit event and a count, no matter how many servers sweep
 * ({@link OverdueMarks}: the mark is a conditional update, {@code where overdue_marked_at is null} and the clock
 * neither met nor stopped, in the same short transaction as the audit entry).
 */
public final class OverdueClockSweep {

    private final Database database;
    private final ClockSpans spans;
    private final WorkingDays workingDays;
    private final Clock clock;

    public OverdueClockSweep(Database database, ClockSpans spans, WorkingDays workingDays, Clock clock) {
        this.database = database;
        this.spans = spans;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * @param marked told of each clock this sweep marked (after its transaction committed)
     * @return how many clocks this sweep marked
     */
    public int sweep(Consumer<ReviewClock> marked) {
        LocalDate today = LocalDate.now(clock);
        // every outstanding clock (ReviewClock#outstanding), whatever the review's status: a closed or completed
        // review still owes what it left unmet, such as telling Ofsted and DfE of a "no review" decision
        List<ReviewClock> open = database.read(em -> em.createQuery(
                        "select c from ReviewClock c where c.metOn is null and c.stoppedOn is null"
                                + " and c.overdueMarkedAt is null",
                        ReviewClock.class)
                .getResultList());
        return OverdueMarks.markEach(
                database,
                open,
                c -> c.on(clock.instant(), spans, workingDays)
                        .map(r -> r.status() == ClockStatus.OVERDUE)
                        .orElse(false),
                (em, c) -> em.createNativeQuery("UPDATE review_clock SET overdue_marked_at = ?1 WHERE id = ?2"
                                + " AND overdue_marked_at IS NULL AND met_on IS NULL AND stopped_on IS NULL")
                        .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .setParameter(2, c.id())
                        .executeUpdate(),
                c -> AuditEvent.of(
                                clock.instant(),
                                "system",
                                AuditAction.CLOCK_OVERDUE,
                                "review",
                                c.review().id())
                        .forReview(c.review().id())
                        .withDetails(c.kind() + " started "
                                + c.startedAt()
                                        .map(Object::toString)
                                        .orElse(c.startedOn().toString())
                                + " is overdue on " + today),
                marked,
                c -> "clock " + c.id());
    }
}
