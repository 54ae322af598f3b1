package org.lscb.server.action;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;

/**
 * Marks each action of an action plan that has gone overdue, once, as {@code OverdueClockSweep} marks clocks: an
 * audit entry {@code ACTION_OVERDUE} on the review and a count, however many servers sweep, so that the board's
 * follow-up of its improvements [11, 19] has a record of each one missed. The mark is a conditional update
 * ({@code where overdue_marked_at is null} and the action still owed and past its day) in the same short
 * transaction as the audit entry: of two servers racing for one action exactly one updates the row.
 */
public final class OverdueActionSweep {

    private static final Logger LOG = Logger.getLogger(OverdueActionSweep.class.getName());

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
        int count = 0;
        for (ImprovementAction a : open) {
            try {
                if (a.overdueOn(today) && database.inTransaction(em -> mark(em, a, today))) {
                    count++;
                    marked.accept(a);
                }
            } catch (RuntimeException e) {
                // one action that cannot be marked must not stop the others
                LOG.log(Level.WARNING, "overdue sweep skipped action " + a.id(), e);
            }
        }
        return count;
    }

    private boolean mark(EntityManager em, ImprovementAction a, LocalDate today) {
        AuditLog audit = new AuditLog(em);
        audit.lockForAppend(); // audit head before the action row, the order every request transaction uses
        int updated = em.createNativeQuery("UPDATE improvement_action SET overdue_marked_at = ?1 WHERE id = ?2"
                        + " AND overdue_marked_at IS NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS') AND due_on < ?3")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, a.id())
                .setParameter(3, today)
                .executeUpdate();
        if (updated != 1) {
            return false;
        }
        audit.append(AuditEvent.of(clock.instant(), "system", AuditAction.ACTION_OVERDUE, "improvement_action", a.id())
                .forReview(a.reviewId())
                .withDetails("owned by organisation " + a.organisationId() + ", due " + a.dueOn() + ", is overdue on "
                        + today));
        return true;
    }
}
