package org.lscb.exchange.pki;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Key backups, by the account they belong to: the only way to one. */
public final class KeyBackupRepository {

    private final EntityManager em;

    public KeyBackupRepository(EntityManager em) {
        this.em = em;
    }

    public void add(KeyBackup backup) {
        em.persist(backup);
    }

    public Optional<KeyBackup> ofAccount(String accountId) {
        return Optional.ofNullable(
                accountId == null || accountId.length() > 36 ? null : em.find(KeyBackup.class, accountId));
    }

    public void remove(KeyBackup backup) {
        em.remove(backup);
    }
}
