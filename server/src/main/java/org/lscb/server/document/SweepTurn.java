package org.lscb.server.document;

import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lscb.foundation.persistence.Database;

/**
 * Whose turn it is to run a periodic sweep, decided in the database so that it runs once per interval across the
 * service however many nodes schedule it: the mechanism of the overdue sweeps ({@code OverdueMarks}), a conditional
 * update in its own short transaction, of which exactly one of the nodes racing for it sees the count 1. The row is the
 * sweep's in {@code deployment_setting}, holding when it last ran; a node takes the turn by moving that time from the
 * value it read to now, so of two nodes that read the same value only the first update matches.
 */
public final class SweepTurn {

    private static final String NEVER = Instant.EPOCH.toString();

    private final Database database;
    private final String name;
    private final Duration every;

    /**
     * @param name  the sweep's row in {@code deployment_setting}, such as {@code blob-sweep.last-run}
     * @param every how long after a run, on any node, the next is due
     */
    public SweepTurn(Database database, String name, Duration every) {
        this.database = database;
        this.name = name;
        this.every = every;
    }

    /** True when the sweep is due and this node took the turn; false when it is not due or another node took it. */
    public boolean take(Instant now) {
        String last = lastRun().orElseGet(this::firstRow);
        if (Instant.parse(last).plus(every).isAfter(now)) {
            return false;
        }
        int taken = database.inTransaction(em -> em.createNativeQuery(
                        "UPDATE deployment_setting SET setting_value = ?1 WHERE name = ?2 AND setting_value = ?3")
                .setParameter(1, now.toString())
                .setParameter(2, name)
                .setParameter(3, last)
                .executeUpdate());
        return taken == 1;
    }

    private java.util.Optional<String> lastRun() {
        return database.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("SELECT setting_value FROM deployment_setting WHERE name = ?1")
                    .setParameter(1, name)
                    .getResultList();
            return rows.stream().findFirst().map(Object::toString);
        });
    }

    /** The sweep has never run: its row is made, by this node or, when two race, by the other (a duplicate key). */
    private String firstRow() {
        try {
            database.inTransaction(
                    em -> em.createNativeQuery("INSERT INTO deployment_setting (name, setting_value) VALUES (?1, ?2)")
                            .setParameter(1, name)
                            .setParameter(2, NEVER)
                            .executeUpdate());
        } catch (PersistenceException e) {
            // another node made the row first; what it holds is read below
        }
        return lastRun().orElseThrow(() -> new IllegalStateException("the row of sweep " + name + " cannot be made"));
    }
}
