package org.lscb.reviews.action;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The actions of reviews' action plans, by id, by review, by lead board and by owning organisation. */
public final class ImprovementActionRepository {

    private final EntityManager em;

    public ImprovementActionRepository(EntityManager em) {
        this.em = em;
    }

    public void add(ImprovementAction a) {
        em.persist(a);
    }

    public Optional<ImprovementAction> byId(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(ImprovementAction.class, id));
    }

    /** A review's actions, soonest due first. */
    public List<ImprovementAction> ofReview(String reviewId) {
        return em.createQuery(
                        "select a from ImprovementAction a where a.reviewId = :r order by a.dueOn, a.createdAt, a.id",
                        ImprovementAction.class)
                .setParameter("r", reviewId)
                .getResultList();
    }

    /** Every action of the reviews a board leads, soonest due first. */
    public List<ImprovementAction> ledBy(String boardId) {
        return em.createQuery(
                        "select a from ImprovementAction a where a.leadLscbId = :b order by a.dueOn, a.createdAt, a.id",
                        ImprovementAction.class)
                .setParameter("b", boardId)
                .getResultList();
    }

    /** What an organisation owns across reviews, soonest due first. */
    public List<ImprovementAction> ownedBy(String organisationId) {
        return em.createQuery(
                        "select a from ImprovementAction a where a.organisationId = :o order by a.dueOn, a.createdAt,"
                                + " a.id",
                        ImprovementAction.class)
                .setParameter("o", organisationId)
                .getResultList();
    }

    /** Actions still owed whose overdue mark is not set yet: what the sweep looks at. */
    public List<ImprovementAction> openAndUnmarked(Collection<ActionStatus> open) {
        return em.createQuery(
                        "select a from ImprovementAction a where a.status in :s and a.overdueMarkedAt is null",
                        ImprovementAction.class)
                .setParameter("s", open)
                .getResultList();
    }
}
