package org.lscb.identity.organisation;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Boards and agencies by id, and the organisations each board covers. */
public final class OrganisationRepository {

    private final EntityManager em;

    public OrganisationRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Organisation> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Organisation.class, id));
    }

    public List<Organisation> page(int offset, int limit) {
        return em.createQuery("select o from Organisation o order by o.name, o.id", Organisation.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The organisations among these ids, in one query; an unknown id is left out. */
    public List<Organisation> byIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select o from Organisation o where o.id in :ids", Organisation.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public java.util.Set<String> existing(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                em.createQuery("select o.id from Organisation o where o.id in :ids", String.class)
                        .setParameter("ids", ids)
                        .getResultList());
    }

    public long count() {
        return em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
    }

    /** Every organisation's name, to refuse a new one that looks like one of them. */
    public List<String> names() {
        return em.createQuery("select o.name from Organisation o", String.class).getResultList();
    }

    public void add(Organisation organisation) {
        em.persist(organisation);
    }

    /** The organisations a board covers, by id. */
    public java.util.Set<String> membersOf(String boardId) {
        return new java.util.HashSet<>(
                em.createQuery("select m.organisationId from BoardMembership m where m.boardId = :b", String.class)
                        .setParameter("b", boardId)
                        .getResultList());
    }

    /** The organisations a board covers, by name. */
    public List<Organisation> memberOrganisations(String boardId) {
        return em.createQuery(
                        "select o from Organisation o, BoardMembership m where m.boardId = :b"
                                + " and o.id = m.organisationId order by o.name, o.id",
                        Organisation.class)
                .setParameter("b", boardId)
                .getResultList();
    }

    public Optional<org.lscb.identity.organisation.BoardMembership> membership(String boardId, String organisationId) {
        return Optional.ofNullable(em.find(
                org.lscb.identity.organisation.BoardMembership.class,
                new org.lscb.identity.organisation.BoardMembership.Key(boardId, organisationId)));
    }

    public void addMember(org.lscb.identity.organisation.BoardMembership membership) {
        em.persist(membership);
    }

    public void removeMember(org.lscb.identity.organisation.BoardMembership membership) {
        em.remove(membership);
    }
}
