package org.lscb.reviews.request;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Document requests by id, by review, and by the organisation asked. */
public final class DocumentRequestRepository {

    private final EntityManager em;

    public DocumentRequestRepository(EntityManager em) {
        this.em = em;
    }

    public void add(DocumentRequest r) {
        em.persist(r);
    }

    public Optional<DocumentRequest> byId(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(DocumentRequest.class, id));
    }

    /** A review's requests, soonest due first. */
    public List<DocumentRequest> ofReview(String reviewId) {
        return em.createQuery(
                        "select r from DocumentRequest r where r.reviewId = :r order by r.dueOn, r.requestedAt, r.id",
                        DocumentRequest.class)
                .setParameter("r", reviewId)
                .getResultList();
    }

    /** What is asked of an organisation across reviews, soonest due first. */
    public List<DocumentRequest> askedOf(String organisationId) {
        return em.createQuery(
                        "select r from DocumentRequest r where r.organisationId = :o order by r.dueOn, r.requestedAt,"
                                + " r.id",
                        DocumentRequest.class)
                .setParameter("o", organisationId)
                .getResultList();
    }
}
