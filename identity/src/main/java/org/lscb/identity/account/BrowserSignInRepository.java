package org.lscb.identity.account;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/** Browser sign-ins by id, and ending all of an account's, through the caller's entity manager. */
public final class BrowserSignInRepository {

    private final EntityManager em;

    public BrowserSignInRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<BrowserSignIn> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(BrowserSignIn.class, id));
    }

    public void add(BrowserSignIn signIn) {
        em.persist(signIn);
    }

    /** Ends every live sign-in of the account at {@code at}; the number ended. */
    public int endAllOf(String accountId, Instant at) {
        return em.createQuery("update BrowserSignIn s set s.endedAt = :at where s.accountId = :a and s.endedAt is null")
                .setParameter("at", at)
                .setParameter("a", accountId)
                .executeUpdate();
    }
}
