package org.lscb.library;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.lscb.foundation.persistence.IndexStampCounter;

/** Published reports in the database. */
public final class PublishedReportRepository {

    private final EntityManager em;

    public PublishedReportRepository(EntityManager em) {
        this.em = em;
    }

    /** Adds a report, stamped with the next version stamp for the library's index. */
    public void add(PublishedReport r) {
        r.indexStamp(nextIndexStamp());
        em.persist(r);
    }

    public Optional<PublishedReport> byId(String id) {
        return Optional.ofNullable(em.find(PublishedReport.class, id));
    }

    /** A report in the library: published and not withdrawn. */
    public Optional<PublishedReport> live(String id) {
        return byId(id).filter(r -> !r.withdrawn());
    }

    /** The reports among these ids that are in the library, in one query; in no particular order. */
    public List<PublishedReport> live(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT r FROM PublishedReport r WHERE r.id IN :ids AND r.withdrawnAt IS NULL",
                        PublishedReport.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The review's report in the library, if it has one (a review has at most one at a time). */
    public Optional<PublishedReport> liveOfReview(String reviewId) {
        return em.createQuery(
                        "SELECT r FROM PublishedReport r WHERE r.reviewId = :review AND r.withdrawnAt IS NULL",
                        PublishedReport.class)
                .setParameter("review", reviewId)
                .getResultStream()
                .findFirst();
    }

    /** Every report in the library, for rebuilding its index. */
    public List<PublishedReport> allLive() {
        return em.createQuery(
                        "SELECT r FROM PublishedReport r WHERE r.withdrawnAt IS NULL ORDER BY r.id",
                        PublishedReport.class)
                .getResultList();
    }

    /**
     * The next version stamp for the library's index, taken in the caller's transaction. Taking it locks the
     * counter's row until that transaction ends, so stamps commit in the order they are taken; take it before any
     * other write of the transaction, so that every writer waits for the counter holding nothing else.
     */
    public long nextIndexStamp() {
        return counter().next();
    }

    /** The highest version stamp committed: every change at or below it is in the database. */
    public long indexStamp() {
        return counter().committed();
    }

    private IndexStampCounter counter() {
        return new IndexStampCounter(em, "report_index_counter");
    }

    /** Reports, withdrawn or not, whose latest change has a stamp above this one, in stamp order. */
    public List<PublishedReport> changedAfter(long stamp, int limit) {
        return em.createQuery(
                        "SELECT r FROM PublishedReport r WHERE r.indexStamp > :s ORDER BY r.indexStamp",
                        PublishedReport.class)
                .setParameter("s", stamp)
                .setMaxResults(limit)
                .getResultList();
    }
}
