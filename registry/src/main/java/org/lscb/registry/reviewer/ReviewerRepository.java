package org.lscb.registry.reviewer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.lscb.foundation.persistence.IndexStampCounter;

/** Reviewers by id or by their own account, and in pages for rebuilding the search index. */
public final class ReviewerRepository {

    private final EntityManager em;

    public ReviewerRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Reviewer> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Reviewer.class, id));
    }

    public Optional<Reviewer> byAccount(String accountId) {
        return em.createQuery("select r from Reviewer r where r.accountId = :a", Reviewer.class)
                .setParameter("a", accountId)
                .getResultStream()
                .findFirst();
    }

    public List<Reviewer> pageAfter(String afterId, int limit) {
        TypedQuery<Reviewer> q = afterId == null
                ? em.createQuery("select r from Reviewer r order by r.id", Reviewer.class)
                : em.createQuery("select r from Reviewer r where r.id > :after order by r.id", Reviewer.class)
                        .setParameter("after", afterId);
        return batched(q).setMaxResults(limit).getResultList();
    }

    /** Adds a reviewer, stamped with the next version stamp for the search index. */
    public void add(Reviewer reviewer) {
        reviewer.indexStamp(nextIndexStamp());
        em.persist(reviewer);
    }

    /**
     * The next version stamp for the search index, taken in the caller's transaction. Taking it locks the counter's
     * row until that transaction ends, so stamps commit in the order they are taken; take it before any other write
     * of the transaction, so that every writer waits for the counter holding nothing else.
     */
    public long nextIndexStamp() {
        return counter().next();
    }

    /** The highest version stamp committed: every change at or below it is in the database. */
    public long indexStamp() {
        return counter().committed();
    }

    private IndexStampCounter counter() {
        return new IndexStampCounter(em, "reviewer_index_counter");
    }

    /** Reviewers whose latest change has a stamp above this one, in stamp order, for catching an index up. */
    public List<Reviewer> changedAfter(long stamp, int limit) {
        return batched(em.createQuery(
                                "select r from Reviewer r where r.indexStamp > :s order by r.indexStamp",
                                Reviewer.class)
                        .setParameter("s", stamp))
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Loads each collection a search document reads for a whole page of reviewers in one query, rather than one per
     * reviewer.
     */
    private static TypedQuery<Reviewer> batched(TypedQuery<Reviewer> q) {
        for (String part :
                new String[] {"r.evidence", "r.affiliations", "r.interests", "r.expertise", "r.skills", "r.regions"}) {
            q.setHint("eclipselink.batch", part);
        }
        return q.setHint("eclipselink.batch.type", "IN");
    }
}
