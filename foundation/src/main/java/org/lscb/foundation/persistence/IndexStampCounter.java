package org.lscb.foundation.persistence;

import jakarta.persistence.EntityManager;

/**
 * The one-row counter of version stamps for a search index (docs/architecture.md "Search"), read and advanced in the
 * caller's transaction. The table holds one row, {@code id = 1}, with the last stamp taken in {@code stamp}.
 */
public final class IndexStampCounter {

    private final EntityManager em;
    private final String table;

    /** @param table the counter's table, named by the code that owns it and never by a caller's input */
    public IndexStampCounter(EntityManager em, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a counter table is named in lower case and underscores, not " + table);
        }
        this.em = em;
        this.table = table;
    }

    /**
     * The next stamp, taken in the caller's transaction. Taking it locks the counter's row until that transaction
     * ends, so stamps commit in the order they are taken, and a rolled-back transaction's stamp is never seen; take
     * it before any other write of the transaction, so that every writer waits for the counter holding nothing else.
     */
    public long next() {
        em.createNativeQuery("UPDATE " + table + " SET stamp = stamp + 1 WHERE id = 1")
                .executeUpdate();
        return committed();
    }

    /**
     * The highest stamp committed, as the caller's transaction sees it (its own stamp included once taken): every
     * change at or below it is in the database.
     */
    public long committed() {
        return ((Number) em.createNativeQuery("SELECT stamp FROM " + table + " WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }
}
