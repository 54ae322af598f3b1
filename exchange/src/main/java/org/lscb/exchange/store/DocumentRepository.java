package org.lscb.exchange.store;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Documents by id, by review, by upload id. */
public final class DocumentRepository {

    private final EntityManager em;

    public DocumentRepository(EntityManager em) {
        this.em = em;
    }

    public void add(Document d) {
        em.persist(d);
    }

    public Optional<Document> byId(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(Document.class, id));
    }

    public List<Document> ofReview(String reviewId) {
        return em.createQuery(
                        "select d from Document d where d.reviewId = :r order by d.uploadedAt, d.id", Document.class)
                .setParameter("r", reviewId)
                .getResultList();
    }

    public Optional<Document> byUpload(String accountId, String uploadId) {
        return em.createQuery("select d from Document d where d.uploadedBy = :a and d.uploadId = :u", Document.class)
                .setParameter("a", accountId)
                .setParameter("u", uploadId)
                .getResultStream()
                .findFirst();
    }

    /** Documents sent by an organisation's accounts, or by one account when it has no organisation; newest first. */
    public List<Document> sentFrom(String organisationId, String accountId) {
        return em.createQuery(
                        "select d from Document d where d.organisationId = :o or d.uploadedBy = :a"
                                + " order by d.uploadedAt desc, d.id",
                        Document.class)
                .setParameter("o", organisationId == null ? "-" : organisationId)
                .setParameter("a", accountId)
                .getResultList();
    }

    /** Documents encrypted to any of these certificates, newest first. */
    public List<Document> addressedTo(java.util.Collection<String> certificateIds) {
        if (certificateIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select distinct d from Document d join d.recipients r where r in :c order by d.uploadedAt desc",
                        Document.class)
                .setParameter("c", certificateIds)
                .getResultList();
    }

    public List<org.lscb.exchange.store.Receipt> receipts(String documentId) {
        return em.createQuery(
                        "select r from Receipt r where r.documentId = :d order by r.receivedAt",
                        org.lscb.exchange.store.Receipt.class)
                .setParameter("d", documentId)
                .getResultList();
    }

    public Optional<org.lscb.exchange.store.Receipt> receipt(String documentId, String accountId) {
        return em.createQuery(
                        "select r from Receipt r where r.documentId = :d and r.accountId = :a",
                        org.lscb.exchange.store.Receipt.class)
                .setParameter("d", documentId)
                .setParameter("a", accountId)
                .getResultStream()
                .findFirst();
    }

    public void add(org.lscb.exchange.store.Receipt r) {
        em.persist(r);
    }

    public int nextVersion(String reviewId, org.lscb.exchange.store.DocumentType type, String title) {
        Long n = em.createQuery(
                        "select count(d) from Document d where d.reviewId = :r and d.type = :t and d.title = :title",
                        Long.class)
                .setParameter("r", reviewId)
                .setParameter("t", type)
                .setParameter("title", title)
                .getSingleResult();
        return n.intValue() + 1;
    }
}
