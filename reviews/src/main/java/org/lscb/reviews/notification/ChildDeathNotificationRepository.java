package org.lscb.reviews.notification;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Notifications of child deaths, by the child they are about and by review. */
public final class ChildDeathNotificationRepository {

    private final EntityManager em;

    public ChildDeathNotificationRepository(EntityManager em) {
        this.em = em;
    }

    public void add(ChildDeathNotification n) {
        em.persist(n);
    }

    /** The notification that opened a review for this child, if any did. */
    public Optional<ChildDeathNotification> openingFor(String childKey) {
        return em
                .createQuery(
                        "select n from ChildDeathNotification n where n.openedChildKey = :k",
                        ChildDeathNotification.class)
                .setParameter("k", childKey)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A review's notifications, first first. */
    public List<ChildDeathNotification> ofReview(String reviewId) {
        return em.createQuery(
                        "select n from ChildDeathNotification n where n.reviewId = :r order by n.notifiedAt, n.id",
                        ChildDeathNotification.class)
                .setParameter("r", reviewId)
                .getResultList();
    }
}
