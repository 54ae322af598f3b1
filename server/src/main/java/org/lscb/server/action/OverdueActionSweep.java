package org.lscb.server.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;
import org.lscb.server.review.OverdueMarks;

/**
 * Marks each action of an action plan that has gone overdue, once, as {@code OverdueClockSweep} marks clocks
 * ({@link OverdueMarks}): an audit entry {@code ACTION_OVERDUE} on the review and a count, however many servers
 * sweep, so that the board's follow-up of its improvements [11, 19] has a record of each one missed. The mark is a
 * conditional update, {@code where overdue_marked_at is null} and the action still owed and past its day.
 */
public final class OverdueActionSweep {

    private final Database database;
    private final Clock clock;

    public OverdueActionSweep(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param marked told of each action this sweep marked (after its transaction committed)
     * @return how many actions this sweep marked
     */
    public int sweep(Consumer<ImprovementAction> marked) {
        LocalDate today = LocalDate.now(clock);
        List<ImprovementAction> open = database.read(em -> new ImprovementActionRepository(em)
                .openAndUnmarked(EnumSet.of(ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)));
        return OverdueMarks.markEach(
                database,
                open,
                a -> a.overdueOn(today),
                (em, a) -> em.createNativeQuery("UPDATE improvement_action SET overdue_marked_at = ?1 WHERE id = ?2"
                                + " AND overdue_marked_at IS NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS')"
                                + " AND due_on < ?3")
                        .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .setParameter(2, a.id())
                        .setParameter(3, today)
                        .executeUpdate(),
                a -> AuditEvent.of(clock.instant(), "system", AuditAction.ACTION_OVERDUE, "improvement_action", a.id())
                        .forReview(a.reviewId())
                        .withDetails("owned by organisation " + a.organisationId() + ", due " + a.dueOn()
                                + ", is overdue on " + today),
                marked,
                a -> "action " + a.id());
    }
}
