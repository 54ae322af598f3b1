package org.lscb.registry.organisation.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.lscb.registry.organisation.Organisation;
import org.lscb.registry.organisation.OrganisationRepository;

public final class JpaOrganisationRepository implements OrganisationRepository {

    private final EntityManager em;

    public JpaOrganisationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Organisation> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Organisation.class, id));
    }

    @Override
    public List<Organisation> page(int offset, int limit) {
        return em.createQuery("select o from Organisation o order by o.name, o.id", Organisation.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public java.util.Set<String> existing(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("select o.id from Organisation o where o.id in :ids", String.class)
                .setParameter("ids", ids).getResultList());
    }

    @Override
    public long count() {
        return em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
    }

    @Override
    public void add(Organisation organisation) {
        em.persist(organisation);
    }
}
