package org.lscb.server.review;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntBiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;

/**
 * How an overdue sweep marks what has gone overdue ({@link OverdueClockSweep}'s clocks, the actions of action plans),
 * once however many servers sweep: each mark is a conditional update (matching only a row not marked yet and still
 * owed) in its own short transaction with its audit entry, the audit head locked before the row, the order every
 * request transaction uses. Of two servers racing for one row exactly one sees its update count as 1 and writes the
 * entry; the other's update waits for the row and then matches nothing.
 */
public final class OverdueMarks {

    private static final Logger LOG = Logger.getLogger(OverdueMarks.class.getName());

    private OverdueMarks() {}

    /**
     * Marks each candidate that is overdue; one that cannot be read or marked is logged and does not stop the others.
     *
     * @param update the conditional update of one candidate's row: how many rows it marked
     * @param event the audit entry of one candidate marked
     * @param marked told of each candidate marked (after its transaction committed)
     * @param name how the log names a candidate skipped
     * @return how many this sweep marked
     */
    public static <T> int markEach(
            Database database,
            List<T> candidates,
            Predicate<T> overdue,
            ToIntBiFunction<EntityManager, T> update,
            Function<T, AuditEvent> event,
            Consumer<T> marked,
            Function<T, String> name) {
        int count = 0;
        for (T c : candidates) {
            try {
                if (overdue.test(c) && database.inTransaction(em -> mark(em, c, update, event))) {
                    count++;
                    marked.accept(c);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "overdue sweep skipped " + name.apply(c), e);
            }
        }
        return count;
    }

    private static <T> boolean mark(
            EntityManager em, T c, ToIntBiFunction<EntityManager, T> update, Function<T, AuditEvent> event) {
        AuditLog audit = new AuditLog(em);
        audit.lockForAppend(); // audit head before the row, the order every request transaction uses
        if (update.applyAsInt(em, c) != 1) {
            return false;
        }
        audit.append(event.apply(c));
        return true;
    }
}
