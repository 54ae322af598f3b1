package org.lscb.server.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lscb.envelope.EnvelopeInfo;
import org.lscb.envelope.Envelopes;
import org.lscb.exchange.pki.CertificateRepository;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.BlobStore;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.exchange.store.Receipt;
import org.lscb.exchange.store.StoredBlob;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;
import org.lscb.server.keys.KeyService;
import org.lscb.server.review.ReviewService;

/**
 * Documents of reviews once stored: listing, downloads, grants, receipts and the coroner's inbox.
 * Ciphertext out, never a key; {@link DocumentUploads} brings them in. Reading follows the review's
 * appointments at the moment of each request. Everything is audited.
 */
@ApplicationScoped
public class DocumentService {

    private Database database;
    private ReviewService reviews;
    private KeyService keys;
    private DocumentBlobs blobs;
    private Clock clock;
    private RefusalAuditor refusals;

    protected DocumentService() {}

    @Inject
    public DocumentService(Database database, ReviewService reviews, KeyService keys, DocumentBlobs blobs) {
        this.database = database;
        this.reviews = reviews;
        this.keys = keys;
        this.blobs = blobs;
        this.clock = Clock.systemUTC();
        this.refusals = new RefusalAuditor(database, clock);
    }

    /** The documents of a review the caller may see. */
    public List<Document> list(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            Set<String> mine = certificateIdsOf(em, by, seen);
            return new DocumentRepository(em)
                    .ofReview(reviewId).stream()
                            .filter(d -> canSeeMetadata(by, seen, d, mine))
                            .toList();
        });
    }

    public Document metadata(Caller by, String documentId) {
        Document d =
                database.read(em -> new DocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        boolean visible = database.read(em -> canSeeMetadata(by, seen, d, certificateIdsOf(em, by, seen)));
        if (!visible) {
            audit(by, AuditAction.DOCUMENT_ACCESS_REFUSED, d, "metadata not visible to the caller");
            throw new NotFoundException();
        }
        return d;
    }

    /**
     * The envelope, to a current recipient only: the caller must still stand in a relation to the review
     * (an ended appointment ends this at once) and hold a usable certificate the document is encrypted to.
     */
    /** An envelope as stored, with its length, for a download. */
    public record Content(InputStream in, long size) {}

    public Content content(Caller by, String documentId) {
        Document d = currentRecipientOf(by, documentId);
        InputStream in;
        try {
            in = store().open(d.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            audit(by, AuditAction.DOCUMENT_DOWNLOADED, d, d.size() + " bytes");
            return new Content(in, d.size());
        } catch (RuntimeException e) {
            // no download without its audit line (F4), and no open file left behind by the refusal
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * A current holder (typically the board, after a late appointment) adds RecipientInfos it made for
     * newly entitled recipients; the server splices them into the stored envelope. Each must address a
     * certificate the review entitles now and the document is not yet encrypted to.
     */
    public Document grant(Caller by, String documentId, byte[] grantDer) {
        Document d =
                database.read(em -> new DocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        Set<String> mine = database.read(em -> certificateIdsOf(em, by, seen));
        // the lead board grants, through its board key: no other holder can add (or poison) a recipient entry
        if (!seen.relations().contains(Relation.LEAD_BOARD_OFFICER)
                || mine.stream().noneMatch(d::addressedTo)) {
            audit(
                    by,
                    AuditAction.DOCUMENT_ACCESS_REFUSED,
                    d,
                    "grant by someone who is not the lead board holding the document");
            throw new NotFoundException();
        }
        var splice = Envelopes.splice();
        var granted = refusingGrant(by, d, () -> splice.parseGranted(grantDer));
        Set<String> newIds = refusingGrant(by, d, () -> newlyEntitled(d, seen, splice.addressees(granted)));
        BlobStore.Staged staged = null;
        try {
            staged = refusingGrant(by, d, () -> {
                try {
                    return store().stageWritten(out -> {
                        try (InputStream in = store().open(d.sha256())) {
                            splice.addRecipients(in, granted, out); // refuses what the envelope itself rules out
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StoredBlob blob = store().commit(staged);
            return database.inTransaction(em -> {
                new AuditLog(em).lockForAppend(); // the audit head before any row, as every writer takes them
                Document locked = em.find(Document.class, d.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (!locked.sha256().equals(d.sha256())) {
                    throw new org.lscb.reviews.ReviewRuleException(
                            "changed_meanwhile",
                            "the document was changed by another grant at the same time; fetch it again and retry");
                }
                locked.granted(blob, newIds);
                new AuditLog(em)
                        .append(AuditEvent.of(
                                        clock.instant(),
                                        by.accountId(),
                                        AuditAction.DOCUMENT_GRANTED,
                                        "document",
                                        d.id())
                                .forReview(d.reviewId())
                                .withDetails("added recipients " + newIds + ", sha256 now " + blob.sha256()));
                return locked;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store().discardQuietly(staged);
        }
    }

    /** A step of checking a grant; a refusal is audited before it is answered. */
    private <T> T refusingGrant(Caller by, Document d, java.util.function.Supplier<T> step) {
        return refusals.auditing(GRANT_REFUSALS, target(by, d), RefusalAuditor::typeAndMessage, step);
    }

    private static final RefusalAuditor.Policy GRANT_REFUSALS = RefusalAuditor.Policy.of(
            AuditAction.DOCUMENT_GRANT_REFUSED,
            org.lscb.envelope.UnsupportedEnvelopeException.class,
            RecipientSetException.class,
            org.lscb.reviews.ReviewRuleException.class);

    private static final RefusalAuditor.Policy RECEIPT_REFUSALS =
            RefusalAuditor.Policy.of(AuditAction.DOCUMENT_RECEIPT_REFUSED, InvalidValueException.class);

    private static RefusalAuditor.Target target(Caller by, Document d) {
        return new RefusalAuditor.Target(by.accountId(), "document", d.id(), d.reviewId());
    }

    /**
     * The certificate ids a grant adds: each entry must address a certificate the review entitles now
     * (else 400 recipient_set) that the document is not yet encrypted to (else 409 already_recipient). The
     * server cannot see what an entry wraps, so replacing a working entry could lock its holder out.
     */
    private Set<String> newlyEntitled(Document d, ReviewService.Seen seen, List<EnvelopeInfo.RecipientRef> addressees) {
        List<IssuedCertificate> entitled = database.read(em -> keys.recipientsOf(em, seen.review(), d.type()));
        Set<String> newIds = new LinkedHashSet<>();
        int strangers = 0;
        for (EnvelopeInfo.RecipientRef ref : addressees) {
            Optional<IssuedCertificate> match =
                    entitled.stream().filter(c -> ref.names(c.x509())).findFirst();
            if (match.isEmpty()) {
                strangers++;
            } else if (d.addressedTo(match.get().id())) {
                throw new org.lscb.reviews.ReviewRuleException(
                        "already_recipient",
                        "the document is already encrypted to certificate "
                                + match.get().id() + "; a grant adds entries for newly entitled recipients only");
            } else {
                newIds.add(match.get().id());
            }
        }
        if (strangers > 0) {
            throw new RecipientSetException(List.of(), strangers);
        }
        return newIds;
    }

    /** The recipient acknowledges the document (idempotent); optionally with a signature over its SHA-256. */
    public org.lscb.exchange.store.Receipt receipt(Caller by, String documentId, String signature) {
        Document d = currentRecipientOf(by, documentId);
        String kept = null;
        if (signature != null && !signature.isBlank()) {
            kept = refusals.auditing(
                    RECEIPT_REFUSALS,
                    target(by, d),
                    RuntimeException::getMessage,
                    () -> keptReceiptSignature(by, d, signature));
        }
        try {
            return recordReceipt(by, d, kept);
        } catch (PersistenceException e) {
            // the same acknowledgement arrived twice at once: the first one stands
            return database.read(em -> new DocumentRepository(em).receipt(d.id(), by.accountId()))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * A signed receipt is recorded as signed only when the signature is the caller's: a detached CMS
     * signature over the document's SHA-256 (hexadecimal text), verifying, by a certificate this
     * deployment issued to the caller and has not revoked. Anything else is 400 invalid_request. What is kept
     * is its canonical form (base64 DER, {@code ReceiptSignature#canonical}): everyone who may see the receipt
     * sees the signature, and nothing else the recipient packed beside it.
     */
    private String keptReceiptSignature(Caller by, Document d, String text) {
        byte[] der;
        try {
            der = java.util.Base64.getMimeDecoder()
                    .decode(text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "")
                            .strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                    "signature", "must be base64 or PEM of a detached CMS signature over the document's SHA-256");
        }
        java.security.cert.X509Certificate signer;
        byte[] canonical;
        try {
            signer = Envelopes.receiptSignature().verify(der, d.sha256());
            canonical = Envelopes.receiptSignature().canonical(der, d.sha256());
        } catch (org.lscb.envelope.UnsupportedEnvelopeException e) {
            throw new InvalidValueException(
                    "signature",
                    "must be a detached CMS signature over the document's SHA-256 as hexadecimal text; "
                            + e.getMessage());
        }
        Optional<String> notOwn = keys.notCallersOwn(by, signer, "the recipient");
        if (notOwn.isPresent()) {
            throw new InvalidValueException("signature", "is by " + notOwn.get());
        }
        return java.util.Base64.getEncoder().encodeToString(canonical);
    }

    private org.lscb.exchange.store.Receipt recordReceipt(Caller by, Document d, String signature) {
        return database.inTransaction(em -> {
            DocumentRepository docs = new DocumentRepository(em);
            Optional<org.lscb.exchange.store.Receipt> earlier = docs.receipt(d.id(), by.accountId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            org.lscb.exchange.store.Receipt r =
                    new org.lscb.exchange.store.Receipt(d, by.accountId(), signature, clock.instant());
            docs.add(r);
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(), by.accountId(), AuditAction.DOCUMENT_RECEIPT, "document", d.id())
                            .forReview(d.reviewId())
                            .withDetails("received sha256 " + d.sha256()
                                    + (r.signature().isPresent() ? ", signed" : "")));
            if (r.signature().isPresent()) {
                jointReportDelivered(em, by, d, r.receivedAt());
            }
            return r;
        });
    }

    /**
     * [37]: the joint report is "delivered to the coroner". The coroner appointed to the review acknowledging it with
     * their signature (checked as theirs before this is reached) proves that delivery, so it meets the review's
     * {@code CORONER_JOINT_REPORT} clock at that time, audited as {@code CLOCK_MET}. An unsigned acknowledgement, or
     * one by anyone else, leaves the clock to the board's officers.
     */
    private void jointReportDelivered(EntityManager em, Caller by, Document d, java.time.Instant at) {
        if (d.type() != org.lscb.exchange.store.DocumentType.CORONER_JOINT_REPORT) {
            return;
        }
        org.lscb.reviews.Review review =
                new org.lscb.reviews.ReviewRepository(em).byId(d.reviewId()).orElseThrow();
        boolean coroner = review.activeAppointments().stream()
                .anyMatch(a -> a.role() == org.lscb.reviews.AppointmentRole.CORONER
                        && a.accountId().map(by.accountId()::equals).orElse(false));
        if (coroner) {
            em.lock(review, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            if (review.jointReportReceived(at)) {
                new AuditLog(em)
                        .append(AuditEvent.of(at, by.accountId(), AuditAction.CLOCK_MET, "review", review.id())
                                .forReview(review.id())
                                .withDetails(org.lscb.reviews.ClockKind.CORONER_JOINT_REPORT
                                        + " at " + at + ": the coroner's signed receipt of document " + d.id()
                                        + " [37]"));
            }
        }
    }

    public List<org.lscb.exchange.store.Receipt> receipts(Caller by, String documentId) {
        Document d = metadata(by, documentId);
        return database.read(em -> new DocumentRepository(em).receipts(d.id()));
    }

    /**
     * A document in the caller's inbox, whether (and when) they acknowledged it, and the reference of its review.
     */
    public record InboxItem(Document document, Optional<java.time.Instant> receivedAt, String reviewReference) {}

    /** Documents encrypted to the caller's own keys on reviews they still stand in a relation to. */
    public List<InboxItem> inbox(Caller by) {
        return database.read(em -> {
            CertificateRepository certs = new CertificateRepository(em);
            Set<String> mine = new LinkedHashSet<>();
            certs.usableOfAccounts(List.of(by.accountId()), clock.instant()).forEach(c -> mine.add(c.id()));
            DocumentRepository docs = new DocumentRepository(em);
            Map<String, Boolean> reviewVisible = new java.util.HashMap<>();
            Map<String, String> references = new java.util.HashMap<>();
            return docs.addressedTo(mine).stream()
                    .filter(d ->
                            reviewVisible.computeIfAbsent(d.reviewId(), id -> appointed(reviews.relationsTo(by, id))))
                    .map(d -> new InboxItem(
                            d,
                            docs.receipt(d.id(), by.accountId()).map(org.lscb.exchange.store.Receipt::receivedAt),
                            references.computeIfAbsent(d.reviewId(), id -> reference(em, id))))
                    .toList();
        });
    }

    /** One certificate a document is encrypted to: whose it is, and the acknowledgement of its holder, if any. */
    public record Delivery(String certificateId, String recipient, boolean boardKey, Optional<Receipt> receipt) {}

    /** A document with the reference of its review, the uploader's name, and a delivery per recipient. */
    public record Tracked(
            Document document, String reviewReference, String uploadedByName, List<Delivery> deliveries) {}

    /** The documents of a review the caller may see ({@link #list}), each with its recipients' receipts. */
    public List<Tracked> tracked(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            Set<String> mine = certificateIdsOf(em, by, seen);
            return new DocumentRepository(em)
                    .ofReview(reviewId).stream()
                            .filter(d -> canSeeMetadata(by, seen, d, mine))
                            .map(d -> tracked(em, d, seen.review().reference()))
                            .toList();
        });
    }

    /**
     * The documents the caller's organisation sent (or the caller, without one), newest first, each with its
     * recipients' receipts: only those of reviews the caller still stands in a relation to, as for metadata.
     */
    public List<Tracked> sent(Caller by) {
        List<Document> sent =
                database.read(em -> new DocumentRepository(em).sentFrom(by.organisationId(), by.accountId()));
        Map<String, Optional<ReviewService.Seen>> seen = new java.util.HashMap<>();
        for (Document d : sent) {
            seen.computeIfAbsent(
                    d.reviewId(),
                    id -> reviews.relationsTo(by, id).isEmpty() ? Optional.empty() : Optional.of(reviews.get(by, id)));
        }
        return database.read(em -> sent.stream()
                .filter(d -> seen.get(d.reviewId())
                        .filter(s -> canSeeMetadata(by, s, d, certificateIdsOf(em, by, s)))
                        .isPresent())
                .map(d -> tracked(
                        em, d, seen.get(d.reviewId()).orElseThrow().review().reference()))
                .toList());
    }

    /**
     * Who holds each certificate the document is encrypted to and their receipt: a personal certificate's
     * holder's own; a board certificate's, the first by any account of that board (an officer opens it
     * through the board key).
     */
    private Tracked tracked(EntityManager em, Document d, String reviewReference) {
        List<Receipt> receipts = new DocumentRepository(em).receipts(d.id());
        CertificateRepository certs = new CertificateRepository(em);
        AccountRepository accounts = new AccountRepository(em);
        OrganisationRepository orgs = new OrganisationRepository(em);
        Map<String, Optional<String>> organisationOf = new java.util.HashMap<>();
        List<Delivery> deliveries = new java.util.ArrayList<>();
        for (String certId : d.recipients().stream().sorted().toList()) {
            Optional<IssuedCertificate> cert = certs.byId(certId);
            Optional<String> account = cert.flatMap(IssuedCertificate::accountId);
            if (account.isPresent()) {
                deliveries.add(new Delivery(
                        certId,
                        accounts.byId(account.get()).map(Account::displayName).orElse(certId),
                        false,
                        receipts.stream()
                                .filter(r -> r.accountId().equals(account.get()))
                                .findFirst()));
            } else {
                Optional<String> board = cert.flatMap(IssuedCertificate::organisationId);
                deliveries.add(new Delivery(
                        certId,
                        board.flatMap(orgs::byId).map(Organisation::name).orElse(certId),
                        true,
                        receipts.stream()
                                .filter(r -> board.isPresent()
                                        && organisationOf
                                                .computeIfAbsent(
                                                        r.accountId(),
                                                        a -> accounts.byId(a).map(Account::organisationId))
                                                .equals(board))
                                .findFirst()));
            }
        }
        String uploader =
                accounts.byId(d.uploadedBy()).map(Account::displayName).orElse(d.uploadedBy());
        return new Tracked(d, reviewReference, uploader, List.copyOf(deliveries));
    }

    private static String reference(EntityManager em, String reviewId) {
        return new org.lscb.reviews.ReviewRepository(em)
                .byId(reviewId)
                .map(org.lscb.reviews.Review::reference)
                .orElse(reviewId);
    }

    /** The documents of a review the caller can fetch now, for the bundle. */
    public List<Document> readable(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            Set<String> mine = certificateIdsOf(em, by, seen);
            return new DocumentRepository(em)
                    .ofReview(reviewId).stream()
                            .filter(d -> mine.stream().anyMatch(d::addressedTo))
                            .toList();
        });
    }

    public InputStream ciphertext(Document d) throws IOException {
        return store().open(d.sha256());
    }

    public void bundled(Caller by, String reviewId, int count) {
        database.inTransaction(em -> new AuditLog(em)
                .append(AuditEvent.of(
                                clock.instant(), by.accountId(), AuditAction.BUNDLE_DOWNLOADED, "review", reviewId)
                        .forReview(reviewId)
                        .withDetails(count + " documents")));
    }

    /**
     * A person's own key reads a review's documents only while they are appointed to it: ending the
     * appointment ends access even for someone who also stands to the review another way (an agency user,
     * a cooperating board's officer).
     */
    private static boolean appointed(Set<Relation> r) {
        return r.contains(Relation.APPOINTED_REVIEWER)
                || r.contains(Relation.APPOINTED_CORONER)
                || r.contains(Relation.APPOINTED_PAEDIATRICIAN);
    }

    private Document currentRecipientOf(Caller by, String documentId) {
        Document d =
                database.read(em -> new DocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        Set<String> mine = database.read(em -> certificateIdsOf(em, by, seen));
        if (mine.stream().noneMatch(d::addressedTo)) {
            audit(by, AuditAction.DOCUMENT_ACCESS_REFUSED, d, "not a current recipient");
            throw new NotFoundException();
        }
        return d;
    }

    /** The usable certificates through which the caller reads this review: their own, and the board's for its officers. */
    private Set<String> certificateIdsOf(EntityManager em, Caller by, ReviewService.Seen seen) {
        CertificateRepository certs = new CertificateRepository(em);
        Set<String> ids = new LinkedHashSet<>();
        if (appointed(seen.relations())) {
            certs.usableOfAccounts(List.of(by.accountId()), clock.instant()).forEach(c -> ids.add(c.id()));
        }
        if (seen.relations().contains(Relation.LEAD_BOARD_OFFICER)) {
            certs.usableOfBoard(seen.review().leadLscbId(), clock.instant()).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    private static boolean canSeeMetadata(Caller by, ReviewService.Seen seen, Document d, Set<String> myCertificates) {
        Set<Relation> r = seen.relations();
        if (r.contains(Relation.LEAD_BOARD_OFFICER) || r.contains(Relation.COOPERATING_BOARD_OFFICER)) {
            return true;
        }
        if (d.uploadedBy().equals(by.accountId())) {
            return true;
        }
        if (r.contains(Relation.INVOLVED_AGENCY)
                && d.organisationId().map(o -> o.equals(by.organisationId())).orElse(false)) {
            return true;
        }
        return myCertificates.stream().anyMatch(d::addressedTo);
    }

    private void audit(Caller by, AuditAction action, Document d, String details) {
        database.inTransaction(em -> new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "document", d.id())
                        .forReview(d.reviewId())
                        .withDetails(details)));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    private BlobStore store() {
        return blobs.store();
    }
}
