package org.lscb.exchange.pki;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Issued certificates, by id, by account and by board. */
public final class CertificateRepository {

    private final EntityManager em;

    public CertificateRepository(EntityManager em) {
        this.em = em;
    }

    public void add(IssuedCertificate c) {
        em.persist(c);
    }

    public Optional<IssuedCertificate> byId(String id) {
        return Optional.ofNullable(id == null || id.length() > 40 ? null : em.find(IssuedCertificate.class, id));
    }

    public List<IssuedCertificate> ofAccount(String accountId) {
        return em.createQuery(
                        "select c from IssuedCertificate c where c.accountId = :a order by c.issuedAt desc",
                        IssuedCertificate.class)
                .setParameter("a", accountId)
                .getResultList();
    }

    /** The usable personal certificates of these accounts. */
    public List<IssuedCertificate> usableOfAccounts(Collection<String> accountIds, Instant at) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "select c from IssuedCertificate c where c.accountId in :a and c.purpose = :p and c.revokedAt is null"
                                + " order by c.issuedAt",
                        IssuedCertificate.class)
                .setParameter("a", accountIds)
                .setParameter("p", CertificatePurpose.PERSONAL)
                .getResultList()
                .stream()
                .filter(c -> c.usableOn(at))
                .toList();
    }

    /** The usable board certificates of a board. */
    public List<IssuedCertificate> usableOfBoard(String organisationId, Instant at) {
        return em
                .createQuery(
                        "select c from IssuedCertificate c where c.organisationId = :o and c.purpose = :p and c.revokedAt is null"
                                + " order by c.issuedAt",
                        IssuedCertificate.class)
                .setParameter("o", organisationId)
                .setParameter("p", CertificatePurpose.BOARD)
                .getResultList()
                .stream()
                .filter(c -> c.usableOn(at))
                .toList();
    }
}
