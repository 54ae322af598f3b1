package org.lscb.identity.account;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Accounts by id and by username, read and written through the caller's entity manager. */
public final class AccountRepository {

    private final EntityManager em;

    public AccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Account.class, id));
    }

    public Optional<Account> byUsername(Username username) {
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username.value())
                .getResultStream()
                .findFirst();
    }

    public List<Account> page(int offset, int limit) {
        return em.createQuery("select a from Account a order by a.username", Account.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    /** Every account's display name, to tell a new name that imitates one of them. */
    public List<String> displayNames() {
        return em.createQuery("select a.displayName from Account a", String.class)
                .getResultList();
    }

    /** A page of the accounts of these organisations only, by username. */
    public List<Account> pageIn(java.util.Collection<String> organisationIds, int offset, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select a from Account a where a.organisationId in :orgs order by a.username", Account.class)
                .setParameter("orgs", organisationIds)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countIn(java.util.Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(a) from Account a where a.organisationId in :orgs", Long.class)
                .setParameter("orgs", organisationIds)
                .getSingleResult();
    }

    public void add(Account account) {
        em.persist(account);
    }
}
