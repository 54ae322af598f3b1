package org.lscb.library;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Published reports in the database. */
public final class PublishedReportRepository {

    private final EntityManager em;

    public PublishedReportRepository(EntityManager em) {
        this.em = em;
    }

    public void add(PublishedReport r) {
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

    /** How many reports of all time, withdrawn or not, and the latest change: the index's staleness stamp. */
    public String stamp() {
        long count = em.createQuery("SELECT COUNT(r) FROM PublishedReport r", Long.class)
                .getSingleResult();
        return count + "/" + latest("publishedAt") + "/" + latest("withdrawnAt");
    }

    /**
     * The latest value of a time column, or "none". Not {@code MAX()}: an aggregate bypasses the column's attribute
     * converter on PostgreSQL, which then hands the converter a timestamp it cannot read.
     */
    private String latest(String field) {
        return em.createQuery(
                        "SELECT r." + field + " FROM PublishedReport r WHERE r." + field + " IS NOT NULL ORDER BY r."
                                + field + " DESC",
                        java.time.Instant.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(java.time.Instant::toString)
                .orElse("none");
    }
}
