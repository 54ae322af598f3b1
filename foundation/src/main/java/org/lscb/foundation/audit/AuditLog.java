package org.lscb.foundation.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * Appends to and reads the hash-chained audit log inside the caller's transaction, so that an
 * operation and its audit entry commit together or not at all (fail closed, docs/security.md F4).
 */
public final class AuditLog {

    private static final int VERIFY_PAGE = 1000;

    private final EntityManager em;

    public AuditLog(EntityManager em) {
        this.em = em;
    }

    public AuditEntry append(AuditEvent event) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head row is missing: the schema migration did not run");
        }
        AuditEntry entry = head.append(event);
        em.persist(entry);
        return entry;
    }

    /**
     * Takes the append lock now, so that a transaction which will append after locking other rows
     * (the overdue sweep) takes its locks in the same order as every other writer: audit head first.
     */
    public void lockForAppend() {
        em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    public AuditHead head() {
        return em.find(AuditHead.class, AuditHead.ID);
    }

    /** Entries, oldest first, optionally for one review and within [from, to). */
    public List<AuditEntry> find(String reviewId, Instant from, Instant to, int offset, int limit) {
        return find(reviewId, null, java.util.List.of(), from, to, offset, limit);
    }

    /**
     * As {@link #find(String, Instant, Instant, int, int)}, scoped to one board: with {@code leadBoardId}, only
     * the entries of reviews that board leads, and of no review only those whose actor is an account of one of
     * {@code actorOrganisations} (the board and the organisations it covers). One board's officers read
     * neither another board's reviews nor its people's sign-ins, account changes and refusals.
     */
    public List<AuditEntry> find(
            String reviewId,
            String leadBoardId,
            java.util.Collection<String> actorOrganisations,
            Instant from,
            Instant to,
            int offset,
            int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        if (reviewId != null) {
            jpql.append(" and e.reviewId = :review");
        }
        if (leadBoardId != null) {
            jpql.append(
                    " and (e.reviewId in (select r.id from Review r where r.leadLscbId = :board)"
                            + " or (e.reviewId is null and e.actor in (select a.id from Account a where a.organisationId in :orgs)))");
        }
        if (from != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        jpql.append(" order by e.seq");
        TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class);
        if (reviewId != null) {
            q.setParameter("review", reviewId);
        }
        if (leadBoardId != null) {
            q.setParameter("board", leadBoardId);
            q.setParameter("orgs", actorOrganisations.isEmpty() ? java.util.List.of(leadBoardId) : actorOrganisations);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Walks the whole chain in pages and reports the first entry that does not fit. */
    public AuditVerification verify() {
        AuditHead head = head();
        String prev = AuditChain.GENESIS;
        long index = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("select e from AuditEntry e order by e.seq", AuditEntry.class)
                    .setFirstResult((int) Math.min(index, Integer.MAX_VALUE))
                    .setMaxResults(VERIFY_PAGE)
                    .getResultList();
            for (AuditEntry e : page) {
                if (e.seq() != index
                        || !e.prevHash().equals(prev)
                        || !e.recomputedHash().equals(e.hash())) {
                    return AuditVerification.broken(index, head);
                }
                prev = e.hash();
                index++;
                em.detach(e);
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        if (index != head.entries() || !prev.equals(head.hash())) {
            return AuditVerification.broken(Math.min(index, head.entries()), head);
        }
        return AuditVerification.valid(head);
    }
}
