package org.lscb.foundation.deployment;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The versions of the deployment's keys, over the caller's {@link EntityManager}. */
public final class DeploymentKeys {

    private final EntityManager em;

    public DeploymentKeys(EntityManager em) {
        this.em = em;
    }

    /** Every version of the named key, newest first. */
    public List<DeploymentKey> versions(String name) {
        return em.createQuery(
                        "select k from DeploymentKey k where k.name = :name order by k.version desc",
                        DeploymentKey.class)
                .setParameter("name", name)
                .getResultList();
    }

    /** The newest version number of the named key, 0 when there is none: one read, no key material. */
    public int newestVersion(String name) {
        Integer newest = em.createQuery(
                        "select max(k.version) from DeploymentKey k where k.name = :name", Integer.class)
                .setParameter("name", name)
                .getSingleResult();
        return newest == null ? 0 : newest;
    }

    public Optional<DeploymentKey> newest(String name) {
        return versions(name).stream().findFirst();
    }

    /**
     * Adds a version and writes it at once, so that a clash with a version another server added meanwhile
     * fails here (a {@link jakarta.persistence.PersistenceException}) rather than at commit.
     */
    public void add(DeploymentKey key) {
        em.persist(key);
        em.flush();
    }
}
