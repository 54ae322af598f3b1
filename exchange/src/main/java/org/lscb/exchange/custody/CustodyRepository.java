package org.lscb.exchange.custody;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Splits, their shares, requests for the board key and their approvals. */
public final class CustodyRepository {

    private final EntityManager em;

    public CustodyRepository(EntityManager em) {
        this.em = em;
    }

    /** The split that holds the board's key now, if its key was ever split. */
    public Optional<KeySplit> currentSplit(String boardId) {
        return em.createQuery("select s from KeySplit s where s.boardId = :b and s.replacedAt is null", KeySplit.class)
                .setParameter("b", boardId)
                .getResultStream()
                .findFirst();
    }

    public void add(KeySplit split, List<CustodyShare> shares) {
        em.persist(split);
        em.flush(); // the split's row before its shares', which refer to it: the unit of work does not order them
        shares.forEach(em::persist);
    }

    public List<CustodyShare> sharesOf(KeySplit split) {
        return em.createQuery("select s from CustodyShare s where s.splitId = :s", CustodyShare.class)
                .setParameter("s", split.id())
                .getResultList();
    }

    public Optional<CustodyShare> shareOf(KeySplit split, String custodianAccountId) {
        return em.createQuery(
                        "select s from CustodyShare s where s.splitId = :s and s.custodianAccountId = :a",
                        CustodyShare.class)
                .setParameter("s", split.id())
                .setParameter("a", custodianAccountId)
                .getResultStream()
                .findFirst();
    }

    /** Replaces {@code old}: its shares are removed, so a share once handed out is of no use with the new ones. */
    public void removeShares(KeySplit old) {
        em.createQuery("delete from CustodyShare s where s.splitId = :s")
                .setParameter("s", old.id())
                .executeUpdate();
    }

    public Optional<KeyRecovery> recovery(String boardId, String recoveryId) {
        if (recoveryId == null || recoveryId.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(KeyRecovery.class, recoveryId))
                .filter(r -> r.boardId().equals(boardId));
    }

    public void add(KeyRecovery recovery) {
        em.persist(recovery);
    }

    /** A board's requests, open ones first, newest first within each. */
    public List<KeyRecovery> recoveries(String boardId, boolean openOnly) {
        return em.createQuery(
                        "select r from KeyRecovery r where r.boardId = :b"
                                + (openOnly ? " and r.status = org.lscb.exchange.custody.RecoveryStatus.OPEN" : "")
                                + " order by r.openedAt desc",
                        KeyRecovery.class)
                .setParameter("b", boardId)
                .setMaxResults(200)
                .getResultList();
    }

    public List<RecoveryApproval> approvals(KeyRecovery recovery) {
        return em.createQuery(
                        "select a from RecoveryApproval a where a.recoveryId = :r order by a.approvedAt",
                        RecoveryApproval.class)
                .setParameter("r", recovery.id())
                .getResultList();
    }

    public void add(RecoveryApproval approval) {
        em.persist(approval);
    }

    /** A closed request's sealed shares go: none outlives its use. */
    public void removeApprovals(KeyRecovery recovery) {
        em.createQuery("delete from RecoveryApproval a where a.recoveryId = :r")
                .setParameter("r", recovery.id())
                .executeUpdate();
    }
}
