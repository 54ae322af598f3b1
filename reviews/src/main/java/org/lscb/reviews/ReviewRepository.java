package org.lscb.reviews;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lscb.identity.account.Role;

/** Reviews, found by id or by the relations that let a caller see them. */
public final class ReviewRepository {

    private final EntityManager em;

    public ReviewRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Review> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Review.class, id));
    }

    public List<Review> candidatesFor(ReviewAccess.Viewer v) {
        Map<String, Review> found = new LinkedHashMap<>();
        String org = v.organisationId();
        if (org != null && (v.roles().contains(Role.LSCB_OFFICER) || v.roles().contains(Role.LSCB_CHAIR))) {
            add(
                    found,
                    em.createQuery("select r from Review r where r.leadLscbId = :o", Review.class)
                            .setParameter("o", org)
                            .getResultList());
            add(
                    found,
                    em.createQuery("select r from Review r join r.cooperatingBoards b where b = :o", Review.class)
                            .setParameter("o", org)
                            .getResultList());
        }
        if (org != null && v.roles().contains(Role.CDOP_MEMBER)) {
            add(
                    found,
                    em.createQuery("select r from Review r where r.leadLscbId = :o and r.type = :t", Review.class)
                            .setParameter("o", org)
                            .setParameter("t", ReviewType.CHILD_DEATH_REVIEW)
                            .getResultList());
        }
        if (org != null && v.roles().contains(Role.AGENCY_USER)) {
            add(
                    found,
                    em.createQuery("select r from Review r join r.organisationIds i where i = :o", Review.class)
                            .setParameter("o", org)
                            .getResultList());
        }
        add(
                found,
                em.createQuery(
                                "select distinct a.review from Appointment a where a.endedAt is null and (a.accountId = :acc"
                                        + " or a.reviewerId = :rev)",
                                Review.class)
                        .setParameter("acc", v.accountId())
                        .setParameter("rev", v.reviewerId().orElse("-"))
                        .getResultList());
        List<Review> all = new ArrayList<>(found.values());
        all.sort(Comparator.comparing(Review::createdAt).reversed().thenComparing(Review::id));
        return all;
    }

    private static void add(Map<String, Review> found, List<Review> reviews) {
        reviews.forEach(r -> found.putIfAbsent(r.id(), r));
    }

    /** The child death reviews a board led and completed between two days, both included (the annual return [28]). */
    public List<Review> childDeathsCompleted(String leadLscbId, LocalDate from, LocalDate to) {
        return em.createQuery(
                        "select r from Review r where r.leadLscbId = :l and r.type = :t and r.status = :s"
                                + " and r.completedOn >= :from and r.completedOn <= :to",
                        Review.class)
                .setParameter("l", leadLscbId)
                .setParameter("t", ReviewType.CHILD_DEATH_REVIEW)
                .setParameter("s", ReviewStatus.COMPLETED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    public List<Review> withLiveAppointmentOf(String reviewerId) {
        return em.createQuery(
                        "select distinct a.review from Appointment a where a.endedAt is null and a.reviewerId = :rev",
                        Review.class)
                .setParameter("rev", reviewerId)
                .getResultList();
    }

    /** Every review a board leads: those whose documents its board key is a recipient of. */
    public List<Review> ledBy(String leadLscbId) {
        return em.createQuery("select r from Review r where r.leadLscbId = :o order by r.createdAt", Review.class)
                .setParameter("o", leadLscbId)
                .getResultList();
    }

    public boolean referenceTaken(String leadLscbId, String reference) {
        return !em.createQuery("select r.id from Review r where r.leadLscbId = :l and r.reference = :ref", String.class)
                .setParameter("l", leadLscbId)
                .setParameter("ref", reference)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public void add(Review review) {
        em.persist(review);
    }
}
