package org.lscb.server.custody;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lscb.envelope.EnvelopeInfo;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.UnsupportedEnvelopeException;
import org.lscb.envelope.custody.SplitProof;
import org.lscb.exchange.custody.CustodyException;
import org.lscb.exchange.custody.CustodyRepository;
import org.lscb.exchange.custody.CustodyRule;
import org.lscb.exchange.custody.CustodyShare;
import org.lscb.exchange.custody.KeyRecovery;
import org.lscb.exchange.custody.KeySplit;
import org.lscb.exchange.custody.RecoveryApproval;
import org.lscb.exchange.custody.RecoveryPurpose;
import org.lscb.exchange.pki.CertificatePurpose;
import org.lscb.exchange.pki.CertificateRepository;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.BoardReach;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.server.auth.Caller;
import org.lscb.server.keys.KeyService;
import org.lscb.server.organisation.BoardReaches;

/**
 * The board key under M-of-N custody (docs/security.md "Board key custody"): an officer holding the board key splits it
 * among custodians (the board's officers and its partner agencies' staff); from then on a grant, a re-wrap for a
 * person's new key, or a new split needs {@code threshold} custodians to approve a stated request. The server keeps
 * only envelopes it cannot open and the audit of each step.
 *
 * <p>Who does what: the board's officers split, request and cancel; its Chair and officers read where custody stands;
 * each custodian reads their own share and approves; only the requester reads the approvals and closes the request.
 * Anyone else, another board's officer among them, meets {@code 404}: the board's custody is not theirs to know of.
 */
@ApplicationScoped
public class BoardCustody {

    private Database database;
    private KeyService keys;
    private Clock clock;

    protected BoardCustody() {}

    @Inject
    public BoardCustody(Database database, KeyService keys) {
        this.database = database;
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    /** One custodian's share as uploaded: their certificate and the envelope sealed to it. */
    public record SealedShare(String custodianCertificateId, byte[] envelope) {}

    /** A split as uploaded: the board certificate whose key it is, the threshold, the shares and the board key's proof. */
    public record NewSplit(
            String boardCertificateId, int threshold, List<SealedShare> shares, byte[] proof, String recoveryId) {}

    /** A custodian as shown: who, and whether their certificate still holds. */
    public record Custodian(
            String accountId, String displayName, String organisationId, IssuedCertificate certificate) {}

    /** The split holding the board's key now. */
    public record Custody(KeySplit split, IssuedCertificate boardCertificate, List<Custodian> custodians) {}

    /** Someone who may hold a share: in the board's reach, with a usable personal certificate. */
    public record Candidate(Account account, IssuedCertificate certificate) {}

    /** A request with its approvals so far. */
    public record Recovery(
            KeyRecovery recovery,
            KeySplit split,
            IssuedCertificate requesterCertificate,
            List<RecoveryApproval> approvals) {}

    /** A document the requester's rebuilt key is to give access to, and to which certificates. */
    public record Delivery(Document document, List<IssuedCertificate> to) {}

    // ---- the split ----

    /** Where custody stands: for the board's officers and Chair, and the split's custodians. */
    public Custody current(Caller by, String boardId) {
        return database.read(em -> {
            KeySplit split = new CustodyRepository(em).currentSplit(boardId).orElseThrow(NotFoundException::new);
            List<CustodyShare> shares = new CustodyRepository(em).sharesOf(split);
            boolean custodian =
                    shares.stream().anyMatch(s -> s.custodianAccountId().equals(by.accountId()));
            if (!readsCustody(by, boardId) && !custodian) {
                throw new NotFoundException();
            }
            return custody(em, split, shares);
        });
    }

    /** Those an officer may name as custodians: in the board's reach, each with a usable personal certificate. */
    public List<Candidate> candidates(Caller by, String boardId) {
        requireOfficer(by, boardId);
        return database.read(em -> {
            BoardReach reach = BoardReaches.of(em, by);
            List<Account> accounts = new AccountRepository(em).pageIn(reach.organisations(), 0, 1000);
            // one query for every account's certificates, oldest first, so the last kept per account is its newest
            Map<String, IssuedCertificate> newest = new LinkedHashMap<>();
            new CertificateRepository(em)
                    .usableOfAccounts(accounts.stream().map(Account::id).toList(), clock.instant())
                    .forEach(c -> newest.put(c.accountId().orElseThrow(), c));
            List<Candidate> out = new ArrayList<>();
            for (Account a : accounts) {
                Optional.ofNullable(newest.get(a.id())).ifPresent(c -> out.add(new Candidate(a, c)));
            }
            return out;
        });
    }

    /**
     * Records a split made on the officer's machine, replacing any earlier one. The board key's signature over the
     * split proves the uploader held the key; each share must be sealed to its custodian's certificate alone; each
     * custodian is in the board's reach with a usable personal certificate, and named once. A split replacing another
     * removes the old shares and cancels the old split's open requests; one made for a re-split request closes it.
     */
    public Custody split(Caller by, String boardId, NewSplit body) {
        requireOfficer(by, boardId);
        CustodyRule.checkThreshold(body.threshold(), body.shares().size());
        return database.inTransaction(em -> {
            new AuditLog(em).lockForAppend(); // one split at a time per deployment, as every audited writer takes turns
            CertificateRepository certs = new CertificateRepository(em);
            IssuedCertificate board = certs.usableOfBoard(boardId, clock.instant()).stream()
                    .filter(c -> c.id().equals(body.boardCertificateId()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidValueException(
                            "boardCertificateId", "is not the board's active board certificate"));
            List<SplitProof.Sealed> proofShares = body.shares().stream()
                    .map(s -> new SplitProof.Sealed(s.custodianCertificateId(), s.envelope()))
                    .toList();
            byte[] message = SplitProof.message(boardId, board.id(), body.threshold(), proofShares);
            if (body.proof() == null || !SplitProof.verifies(board.x509(), message, body.proof())) {
                throw new InvalidValueException(
                        "proof",
                        "is not the board key's signature over this split: only the key's holder can split it");
            }
            BoardReach reach = BoardReaches.of(em, by);
            List<String> custodianAccounts = new ArrayList<>();
            List<IssuedCertificate> custodianCerts = new ArrayList<>();
            for (SealedShare s : body.shares()) {
                IssuedCertificate c =
                        usablePersonal(certs, s.custodianCertificateId(), "shares.custodianCertificateId");
                Account a = new AccountRepository(em)
                        .byId(c.accountId().orElseThrow())
                        .orElseThrow();
                if (!reach.covers(a.organisationId())) {
                    throw new InvalidValueException(
                            "shares.custodianCertificateId",
                            "names " + a.displayName() + ", who is not of the board or an organisation it covers");
                }
                CustodyRule.checkEnvelope(s.envelope(), "shares.envelope");
                sealedToOnly(s.envelope(), c, "shares.envelope");
                custodianAccounts.add(a.id());
                custodianCerts.add(c);
            }
            CustodyRule.checkDistinct(custodianAccounts);
            CustodyRepository custody = new CustodyRepository(em);
            Optional<KeyRecovery> resplit = resplitRequest(em, by, boardId, body.recoveryId());
            custody.currentSplit(boardId).ifPresent(old -> replace(em, by, old, resplit));
            KeySplit split = new KeySplit(
                    boardId, board.id(), body.threshold(), body.shares().size(), by.accountId(), clock.instant());
            List<CustodyShare> shares = new ArrayList<>();
            for (int i = 0; i < body.shares().size(); i++) {
                shares.add(new CustodyShare(
                        split,
                        custodianAccounts.get(i),
                        custodianCerts.get(i).id(),
                        body.shares().get(i).envelope()));
            }
            custody.add(split, shares);
            resplit.ifPresent(r -> close(em, by, r, true));
            audit(
                    em,
                    by,
                    AuditAction.CUSTODY_SPLIT,
                    "custody_split",
                    split.id(),
                    split.threshold() + " of " + split.shareCount() + " of board certificate " + board.id()
                            + ", custodians' certificates "
                            + custodianCerts.stream().map(IssuedCertificate::id).toList()
                            + resplit.map(r -> ", for request " + r.id()).orElse(""));
            return custody(em, split, shares);
        });
    }

    /** The caller's own sealed share of the current split; audited, since it is what a custodian approves with. */
    public CustodyShare myShare(Caller by, String boardId) {
        return database.inTransaction(em -> {
            CustodyRepository custody = new CustodyRepository(em);
            KeySplit split = custody.currentSplit(boardId).orElseThrow(NotFoundException::new);
            CustodyShare share = custody.shareOf(split, by.accountId()).orElseThrow(NotFoundException::new);
            audit(em, by, AuditAction.CUSTODY_SHARE_READ, "custody_split", split.id(), "own share");
            return share;
        });
    }

    // ---- requests ----

    /**
     * An officer asks for the board key for one purpose. The requester names one of their own usable personal
     * certificates: the approvals are sealed to it. A re-wrap names the person and their lost certificate, which is
     * revoked at once so that nothing more is sealed to a key someone else may hold.
     */
    public Recovery request(Caller by, String boardId, KeyRecovery.Request what, String requesterCertificateId) {
        requireOfficer(by, boardId);
        return database.inTransaction(em -> {
            new AuditLog(em).lockForAppend();
            CustodyRepository custody = new CustodyRepository(em);
            KeySplit split = custody.currentSplit(boardId)
                    .orElseThrow(() -> new CustodyException(
                            "not_in_custody",
                            "the board key is not split: whoever holds it grants and re-wraps directly"));
            CertificateRepository certs = new CertificateRepository(em);
            IssuedCertificate requester = usablePersonal(certs, requesterCertificateId, "requesterCertificateId");
            if (!requester.accountId().orElseThrow().equals(by.accountId())) {
                throw new InvalidValueException("requesterCertificateId", "must be one of your own certificates");
            }
            KeyRecovery recovery = new KeyRecovery(split, what, by.accountId(), requester.id(), clock.instant());
            if (what.purpose() == RecoveryPurpose.GRANT) {
                Document d = new DocumentRepository(em)
                        .byId(what.documentId())
                        .filter(doc -> ledBy(em, doc.reviewId(), boardId))
                        .orElseThrow(() -> new InvalidValueException("documentId", "is not a document of the board's"));
                if (!d.addressedTo(split.certificateId())) {
                    throw new CustodyException(
                            "not_sealed_to_board", "the document is not sealed to the board key that is split");
                }
            } else if (what.purpose() == RecoveryPurpose.REWRAP) {
                revokeLost(em, by, boardId, what);
            }
            custody.add(recovery);
            audit(
                    em,
                    by,
                    AuditAction.KEY_RECOVERY_REQUESTED,
                    "key_recovery",
                    recovery.id(),
                    what.purpose()
                            + (what.documentId() == null ? "" : " of document " + what.documentId())
                            + (what.accountId() == null ? "" : " for account " + what.accountId()));
            return new Recovery(recovery, split, requester, List.of());
        });
    }

    /** A board's requests: all of them for its officers and Chair, the open ones of the current split for custodians. */
    public List<Recovery> recoveries(Caller by, String boardId) {
        return database.read(em -> {
            CustodyRepository custody = new CustodyRepository(em);
            boolean reader = readsCustody(by, boardId);
            Optional<KeySplit> current = custody.currentSplit(boardId);
            boolean custodian =
                    current.flatMap(s -> custody.shareOf(s, by.accountId())).isPresent();
            if (!reader && !custodian) {
                throw new NotFoundException();
            }
            List<Recovery> out = new ArrayList<>();
            for (KeyRecovery r : custody.recoveries(boardId, !reader)) {
                out.add(view(em, r));
            }
            return out;
        });
    }

    public Recovery recovery(Caller by, String boardId, String recoveryId) {
        return database.read(em -> view(em, visible(em, by, boardId, recoveryId)));
    }

    /**
     * A custodian approves by sending their share sealed to the requester's certificate alone. Refused when the
     * custodian's own certificate was revoked since the split (their share must no longer count), when they approved
     * already, or when the request is closed.
     */
    public Recovery approve(Caller by, String boardId, String recoveryId, byte[] envelope) {
        CustodyRule.checkEnvelope(envelope, "envelope");
        Refusal refusal = database.inTransaction(em -> {
            new AuditLog(em).lockForAppend();
            CustodyRepository custody = new CustodyRepository(em);
            KeyRecovery r = visible(em, by, boardId, recoveryId);
            KeySplit split = em.find(KeySplit.class, r.splitId());
            CustodyShare share = custody.shareOf(split, by.accountId())
                    .orElseThrow(() -> new ForbiddenException("only a custodian of the board key approves"));
            CertificateRepository certs = new CertificateRepository(em);
            boolean custodianUsable = certs.byId(share.custodianCertificateId())
                    .map(c -> c.usableOn(clock.instant()))
                    .orElse(false);
            if (!custodianUsable) {
                audit(
                        em,
                        by,
                        AuditAction.KEY_RECOVERY_APPROVAL_REFUSED,
                        "key_recovery",
                        r.id(),
                        "the custodian's certificate " + share.custodianCertificateId() + " is revoked or expired");
                return new Refusal(
                        "custodian_revoked",
                        "your certificate was revoked since the split, so your share no longer counts;"
                                + " the board splits its key again without it");
            }
            if (custody.approvals(r).stream()
                    .anyMatch(a -> a.custodianAccountId().equals(by.accountId()))) {
                return new Refusal("already_approved", "you approved this request already");
            }
            IssuedCertificate requester = certs.byId(r.requesterCertificateId()).orElseThrow();
            if (!requester.usableOn(clock.instant())) {
                return new Refusal(
                        "requester_revoked", "the requester's certificate was revoked; the request must be made again");
            }
            sealedToOnly(envelope, requester, "envelope");
            custody.add(new RecoveryApproval(r, share, envelope, clock.instant()));
            audit(em, by, AuditAction.KEY_RECOVERY_APPROVED, "key_recovery", r.id(), r.purpose() + " approved");
            return null;
        });
        if (refusal != null) {
            throw new CustodyException(refusal.code(), refusal.message());
        }
        return recovery(by, boardId, recoveryId);
    }

    /** A refusal decided inside a transaction whose audit line must stay: thrown once it committed. */
    private record Refusal(String code, String message) {}

    /** The approvals' sealed shares, to the requester alone, while the request is open. */
    public List<RecoveryApproval> approvals(Caller by, String boardId, String recoveryId) {
        return database.inTransaction(em -> {
            KeyRecovery r = requesters(em, by, boardId, recoveryId);
            List<RecoveryApproval> approvals = new CustodyRepository(em).approvals(r);
            audit(em, by, AuditAction.KEY_RECOVERY_SHARES_READ, "key_recovery", r.id(), approvals.size() + " shares");
            return approvals;
        });
    }

    /**
     * What the rebuilt key is to deliver, to the requester: for a grant, the document and those the review entitles
     * now that it is not yet sealed to; for a re-wrap, every document of the board's reviews the person is entitled to,
     * with their usable certificates it is not yet sealed to. A re-split delivers nothing here.
     */
    public List<Delivery> deliveries(Caller by, String boardId, String recoveryId) {
        return database.read(em -> {
            KeyRecovery r = requesters(em, by, boardId, recoveryId);
            DocumentRepository documents = new DocumentRepository(em);
            ReviewRepository reviews = new ReviewRepository(em);
            List<Delivery> out = new ArrayList<>();
            if (r.purpose() == RecoveryPurpose.GRANT) {
                Document d = documents.byId(r.documentId().orElseThrow()).orElseThrow(NotFoundException::new);
                Review review = reviews.byId(d.reviewId()).orElseThrow();
                List<IssuedCertificate> to = keys.recipientsOf(em, review, d.type()).stream()
                        .filter(c -> !d.addressedTo(c.id()))
                        .toList();
                out.add(new Delivery(d, to));
            } else if (r.purpose() == RecoveryPurpose.REWRAP) {
                String person = r.accountId().orElseThrow();
                for (Review review : reviews.ledBy(boardId)) {
                    for (Document d : documents.ofReview(review.id())) {
                        List<IssuedCertificate> to = keys.recipientsOf(em, review, d.type()).stream()
                                .filter(c -> c.accountId().map(person::equals).orElse(false))
                                .filter(c -> !d.addressedTo(c.id()))
                                .toList();
                        if (!to.isEmpty()) {
                            out.add(new Delivery(d, to));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The requester did what was asked: the request closes and its sealed shares are removed. */
    public Recovery complete(Caller by, String boardId, String recoveryId) {
        return database.inTransaction(em -> {
            new AuditLog(em).lockForAppend();
            KeyRecovery r = requesters(em, by, boardId, recoveryId);
            close(em, by, r, true);
            return view(em, r);
        });
    }

    /** An officer of the board, or the requester, withdraws a request: it closes and its sealed shares are removed. */
    public Recovery cancel(Caller by, String boardId, String recoveryId) {
        requireOfficer(by, boardId);
        return database.inTransaction(em -> {
            new AuditLog(em).lockForAppend();
            KeyRecovery r = visible(em, by, boardId, recoveryId);
            close(em, by, r, false);
            return view(em, r);
        });
    }

    // ---- rules ----

    private static boolean isOfficerOf(Caller by, String boardId) {
        return by.has(Role.LSCB_OFFICER) && boardId != null && boardId.equals(by.organisationId());
    }

    /** The board's officers and Chair see where its custody stands. */
    private static boolean readsCustody(Caller by, String boardId) {
        return isOfficerOf(by, boardId)
                || (by.has(Role.LSCB_CHAIR) && boardId != null && boardId.equals(by.organisationId()));
    }

    /** An officer of another board, or anyone else, is told nothing: the board's custody is not theirs to know of. */
    private static void requireOfficer(Caller by, String boardId) {
        if (!isOfficerOf(by, boardId)) {
            if (readsCustody(by, boardId)) {
                throw new ForbiddenException("only the board's officers split its key and ask for it");
            }
            throw new NotFoundException();
        }
    }

    /** A request the caller may see: the board's officers and Chair any, a custodian of its split an open one. */
    private KeyRecovery visible(EntityManager em, Caller by, String boardId, String recoveryId) {
        CustodyRepository custody = new CustodyRepository(em);
        KeyRecovery r = custody.recovery(boardId, recoveryId).orElseThrow(NotFoundException::new);
        if (readsCustody(by, boardId)) {
            return r;
        }
        KeySplit split = em.find(KeySplit.class, r.splitId());
        if (r.isOpen() && custody.shareOf(split, by.accountId()).isPresent()) {
            return r;
        }
        throw new NotFoundException();
    }

    /** A request only its requester acts on, while it is open. */
    private KeyRecovery requesters(EntityManager em, Caller by, String boardId, String recoveryId) {
        KeyRecovery r = visible(em, by, boardId, recoveryId);
        if (!r.requestedBy().equals(by.accountId())) {
            throw new ForbiddenException("only the officer who made the request reads its approvals and closes it");
        }
        if (!r.isOpen()) {
            throw new CustodyException(
                    "recovery_closed", "the request is " + r.status().name().toLowerCase());
        }
        return r;
    }

    private Optional<KeyRecovery> resplitRequest(EntityManager em, Caller by, String boardId, String recoveryId) {
        if (recoveryId == null) {
            return Optional.empty();
        }
        KeyRecovery r = requesters(em, by, boardId, recoveryId);
        if (r.purpose() != RecoveryPurpose.RESPLIT) {
            throw new InvalidValueException(
                    "recoveryId", "names a request to " + r.purpose().name().toLowerCase() + ", not to split again");
        }
        return Optional.of(r);
    }

    /**
     * A newer split replaces {@code old}: its shares go, and its open requests are cancelled, but for the re-split
     * request that made the new split, which the caller completes.
     */
    private void replace(EntityManager em, Caller by, KeySplit old, Optional<KeyRecovery> making) {
        CustodyRepository custody = new CustodyRepository(em);
        old.replaced(clock.instant());
        custody.removeShares(old);
        for (KeyRecovery r : custody.recoveries(old.boardId(), true)) {
            if (making.map(m -> !m.id().equals(r.id())).orElse(true)) {
                close(em, by, r, false);
            }
        }
    }

    private void close(EntityManager em, Caller by, KeyRecovery r, boolean completed) {
        if (completed) {
            r.complete(clock.instant());
        } else {
            r.cancel(clock.instant());
        }
        new CustodyRepository(em).removeApprovals(r);
        audit(
                em,
                by,
                completed ? AuditAction.KEY_RECOVERY_COMPLETED : AuditAction.KEY_RECOVERY_CANCELLED,
                "key_recovery",
                r.id(),
                r.purpose().name());
    }

    /**
     * The lost certificate of a re-wrap: one of the person's personal certificates, the person within the board's
     * reach or sealed to by one of its documents. It is revoked now, audited, if it was not already.
     */
    private void revokeLost(EntityManager em, Caller by, String boardId, KeyRecovery.Request what) {
        CertificateRepository certs = new CertificateRepository(em);
        IssuedCertificate lost = certs.byId(what.lostCertificateId())
                .filter(c -> c.purpose() == CertificatePurpose.PERSONAL)
                .filter(c -> c.accountId().map(what.accountId()::equals).orElse(false))
                .orElseThrow(() -> new InvalidValueException(
                        "lostCertificateId", "is not a personal certificate of that account"));
        Account person = new AccountRepository(em)
                .byId(what.accountId())
                .orElseThrow(() -> new InvalidValueException("accountId", "is not an account"));
        boolean reached = BoardReaches.of(em, by).covers(person.organisationId())
                || new DocumentRepository(em)
                        .addressedTo(List.of(lost.id())).stream().anyMatch(d -> ledBy(em, d.reviewId(), boardId));
        if (!reached) {
            throw new InvalidValueException("accountId", "is not anyone whose documents the board holds");
        }
        if (lost.revokedAt().isEmpty()) {
            lost.revoke(by.accountId(), clock.instant());
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.CERTIFICATE_REVOKED,
                                    "certificate",
                                    lost.id())
                            .withDetails(lost.subject() + " sha256 " + lost.fingerprint() + ": key lost, re-wrap"));
        }
    }

    private static boolean ledBy(EntityManager em, String reviewId, String boardId) {
        return new ReviewRepository(em)
                .byId(reviewId)
                .map(r -> r.leadLscbId().equals(boardId))
                .orElse(false);
    }

    private IssuedCertificate usablePersonal(CertificateRepository certs, String id, String field) {
        return certs.byId(id)
                .filter(c -> c.purpose() == CertificatePurpose.PERSONAL && c.usableOn(clock.instant()))
                .orElseThrow(() -> new InvalidValueException(field, "must name a usable personal certificate"));
    }

    /** The envelope's recipients, read without opening it, must be exactly {@code only}. */
    private static void sealedToOnly(byte[] envelope, IssuedCertificate only, String field) {
        EnvelopeInfo info;
        try {
            info = Envelopes.inspector().inspect(new ByteArrayInputStream(envelope));
        } catch (UnsupportedEnvelopeException | IOException e) {
            throw new InvalidValueException(field, "is not an envelope this service accepts: " + e.getMessage());
        }
        List<EnvelopeInfo.RecipientRef> to = info.recipients();
        if (to.size() != 1 || !to.get(0).names(only.x509())) {
            throw new InvalidValueException(field, "must be sealed to certificate " + only.id() + " and no one else");
        }
    }

    private Custody custody(EntityManager em, KeySplit split, List<CustodyShare> shares) {
        CertificateRepository certs = new CertificateRepository(em);
        AccountRepository accounts = new AccountRepository(em);
        Map<String, Custodian> custodians = new LinkedHashMap<>();
        for (CustodyShare s : shares) {
            Account a = accounts.byId(s.custodianAccountId()).orElseThrow();
            custodians.put(
                    a.id(),
                    new Custodian(
                            a.id(),
                            a.displayName(),
                            a.organisationId(),
                            certs.byId(s.custodianCertificateId()).orElseThrow()));
        }
        return new Custody(split, certs.byId(split.certificateId()).orElseThrow(), List.copyOf(custodians.values()));
    }

    private Recovery view(EntityManager em, KeyRecovery r) {
        return new Recovery(
                r,
                em.find(KeySplit.class, r.splitId()),
                new CertificateRepository(em).byId(r.requesterCertificateId()).orElseThrow(),
                new CustodyRepository(em).approvals(r));
    }

    private void audit(EntityManager em, Caller by, AuditAction action, String type, String id, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, type, id)
                        .withDetails(details));
    }
}
