package org.lscb.server.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lscb.exchange.audit.AuditEvent;
import org.lscb.exchange.audit.AuditLog;
import org.lscb.exchange.envelope.BerFraming;
import org.lscb.exchange.envelope.EnvelopeInfo;
import org.lscb.exchange.envelope.Envelopes;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.pki.internal.JpaCertificateRepository;
import org.lscb.exchange.store.BlobStore;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.StoredBlob;
import org.lscb.exchange.store.internal.JpaDocumentRepository;
import org.lscb.registry.persistence.Database;
import org.lscb.registry.review.Review;
import org.lscb.registry.review.ReviewAccess.Action;
import org.lscb.registry.review.ReviewAccess.Relation;
import org.lscb.server.auth.Caller;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.keys.KeyService;
import org.lscb.server.review.ReviewService;

/**
 * Documents of reviews: ciphertext in, ciphertext out, never a key. An upload streams to a temporary
 * file (size-capped, framing checked as it passes), its envelope is checked against the profile and the
 * review's recipient set, the blob is made durable, then one short transaction records it; 201 only then.
 * Reading follows the review's appointments at the moment of each request. Everything is audited.
 */
@ApplicationScoped
public class DocumentService {

    private Database database;
    private ReviewService reviews;
    private KeyService keys;
    private ServerConfig config;
    private volatile BlobStore store;
    private org.lscb.server.keys.CertificateAuthority authority;
    private Clock clock;

    protected DocumentService() {
    }

    @Inject
    public DocumentService(Database database, ReviewService reviews, KeyService keys, ServerConfig config,
                           org.lscb.server.keys.CertificateAuthority authority) {
        this.authority = authority;
        this.database = database;
        this.reviews = reviews;
        this.keys = keys;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** The stored document and whether this request created it (false: an earlier try with the same upload id did). */
    public record Uploaded(Document document, boolean created) {
    }

    public Uploaded upload(Caller by, String reviewId, Document.Description description, InputStream body) {
        Review review = reviews.allowedTo(by, reviewId, Action.UPLOAD).review();
        return auditingRefusals(by, reviewId, () -> receive(by, review, reviewId, description, paced(body)));
    }

    /** SECURITY.md: a refused upload leaves a line in the audit log, whichever kind of upload it was. */
    private Uploaded auditingRefusals(Caller by, String reviewId, java.util.function.Supplier<Uploaded> upload) {
        try {
            return upload.get();
        } catch (org.lscb.exchange.envelope.UnsupportedEnvelopeException | RecipientSetException
                 | org.lscb.exchange.store.TooLargeException | org.lscb.exchange.store.TooSlowException
                 | org.lscb.registry.review.ReviewRuleException
                 | org.lscb.exchange.store.InsufficientStorageException e) {
            database.inTransaction(em -> new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "DOCUMENT_REFUSED", "review",
                    reviewId).forReview(reviewId).withDetails(e.getClass().getSimpleName() + ": " + e.getMessage())));
            throw e;
        }
    }

    private Uploaded receive(Caller by, Review review, String reviewId, Document.Description description, InputStream body) {
        Optional<Document> earlier = earlierUpload(by, description);
        if (earlier.isPresent()) {
            return new Uploaded(earlier.get(), false);
        }
        BlobStore.Staged staged;
        try {
            staged = store().stage(body, config.documentMaxBytes(), BerFraming::new);
        } catch (BerFraming.FramingException e) {
            throw new org.lscb.exchange.envelope.UnsupportedEnvelopeException("malformed CMS: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            staged = withoutOuterSignature(by, staged);
            EnvelopeInfo info;
            try (InputStream in = java.nio.file.Files.newInputStream(staged.file())) {
                info = Envelopes.inspector().inspect(in);
            }
            List<IssuedCertificate> required = requiredRecipients(review);
            List<X509Certificate> requiredX509 = required.stream().map(IssuedCertificate::x509).toList();
            List<String> missing = required.stream().filter(c -> !info.addressedToAll(List.of(c.x509()))).map(IssuedCertificate::id).toList();
            int strangers = info.strangers(requiredX509).size();
            if (!missing.isEmpty() || strangers > 0) {
                throw new RecipientSetException(missing, strangers);
            }
            StoredBlob blob = store().commit(staged);
            Set<String> recipientIds = idsOf(required);
            return record(by, reviewId, description, info.profile(), blob, recipientIds, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                store().discard(staged);
            } catch (IOException e) {
                // an orphan temporary file; the sweeper removes it
            }
        }
    }

    /**
     * A browser upload without client-side crypto: the server seals the bytes to the review's recipient set
     * as they arrive, signed by its upload gateway key, straight into the temporary ciphertext file; no
     * plaintext is written anywhere. The document records who uploaded it.
     */
    public Uploaded uploadPlain(Caller by, String reviewId, Document.Description description, InputStream plaintext) {
        Review review = reviews.allowedTo(by, reviewId, Action.UPLOAD).review();
        return auditingRefusals(by, reviewId, () -> seal(by, review, reviewId, description, paced(plaintext)));
    }

    /** B6: a body that trickles in is cut off rather than holding a thread and a temporary file. */
    private InputStream paced(InputStream body) {
        return new org.lscb.exchange.store.MinimumRate(body, config.uploadMinBytes(), config.uploadRateWindow());
    }

    private Uploaded seal(Caller by, Review review, String reviewId, Document.Description description, InputStream plaintext) {
        Optional<Document> earlier = earlierUpload(by, description);
        if (earlier.isPresent()) {
            return new Uploaded(earlier.get(), false);
        }
        List<IssuedCertificate> required = requiredRecipients(review);
        var sealer = Envelopes.sealer(authority.gateway(), required.stream().map(IssuedCertificate::x509).toList());
        try {
            BlobStore.Staged staged = store().stageWritten(out -> sealer.seal(new org.lscb.exchange.store.BlobStore.Capped(plaintext,
                    config.documentMaxBytes()), out));
            StoredBlob blob = store().commit(staged);
            Set<String> recipientIds = idsOf(required);
            return record(by, reviewId, description, org.lscb.exchange.envelope.EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, blob,
                    recipientIds, "sealed by the server for a browser upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Document> earlierUpload(Caller by, Document.Description description) {
        return description.uploadId() == null ? Optional.empty()
                : database.read(em -> new JpaDocumentRepository(em).byUpload(by.accountId(), description.uploadId()));
    }

    /** The certificates every new document of the review must be encrypted to; none yet is a 409. */
    private List<IssuedCertificate> requiredRecipients(Review review) {
        List<IssuedCertificate> required = database.read(em -> keys.recipientsOf(em, review));
        if (required.isEmpty()) {
            throw new org.lscb.registry.review.ReviewRuleException("no_recipients", "review " + review.id()
                    + " has no recipient certificates yet: the board must enrol its board key (POST /api/v1/keys/enrol?for=board)");
        }
        return required;
    }

    private static Set<String> idsOf(List<IssuedCertificate> certificates) {
        return certificates.stream().map(IssuedCertificate::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Uploaded record(Caller by, String reviewId, Document.Description description, org.lscb.exchange.envelope.EnvelopeProfile profile,
                            StoredBlob blob, Set<String> recipientIds, String how) {
        try {
            Document d = database.inTransaction(em -> {
                JpaDocumentRepository docs = new JpaDocumentRepository(em);
                Document doc = new Document(reviewId, description, profile, blob, recipientIds, by.accountId(), by.organisationId(),
                        docs.nextVersion(reviewId, description.type(), description.title().strip()), clock.instant());
                docs.add(doc);
                new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "DOCUMENT_UPLOADED", "document", doc.id())
                        .forReview(reviewId).withDetails(doc.type() + " v" + doc.version() + ", " + doc.size() + " bytes, sha256 "
                                + doc.sha256() + ", " + recipientIds.size() + " recipients" + (how == null ? "" : ", " + how)));
                return doc;
            });
            return new Uploaded(d, true);
        } catch (PersistenceException e) {
            // the same upload id landed at the same moment from another request: answer with that one
            if (description.uploadId() != null) {
                Optional<Document> other = database.read(em -> new JpaDocumentRepository(em).byUpload(by.accountId(), description.uploadId()));
                if (other.isPresent()) {
                    return new Uploaded(other.get(), false);
                }
            }
            throw e;
        }
    }

    /**
     * An envelope may arrive inside the uploader's own SignedData (API.md). The signature must verify, its
     * certificate must be one this deployment's CA issued to the caller and not revoked (SECURITY.md B5);
     * then the envelope inside is what is stored.
     */
    private BlobStore.Staged withoutOuterSignature(Caller by, BlobStore.Staged staged) throws IOException {
        boolean signed;
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(staged.file()))) {
            signed = org.lscb.exchange.envelope.EnvelopeInspector.isSignedData(in);
        }
        if (!signed) {
            return staged;
        }
        X509Certificate[] signer = new X509Certificate[1];
        BlobStore.Staged inner;
        try (InputStream in = java.nio.file.Files.newInputStream(staged.file())) {
            inner = store().stageWritten(out -> signer[0] = Envelopes.outerSignature().unwrap(in, out));
        } finally {
            store().discard(staged);
        }
        try {
            X509Certificate ca = keys.caCertificate();
            try {
                signer[0].verify(ca.getPublicKey());
                signer[0].checkValidity();
            } catch (java.security.GeneralSecurityException e) {
                throw new org.lscb.exchange.envelope.UnsupportedEnvelopeException("an outer signature by a certificate this deployment did not issue");
            }
            String id = signer[0].getSerialNumber().toString(16);
            IssuedCertificate issued = database.read(em -> new JpaCertificateRepository(em).byId(id))
                    .orElseThrow(() -> new org.lscb.exchange.envelope.UnsupportedEnvelopeException("an outer signature by an unknown certificate"));
            if (issued.revokedAt().isPresent()) {
                throw new org.lscb.exchange.envelope.UnsupportedEnvelopeException("an outer signature by a revoked certificate");
            }
            if (!issued.accountId().map(by.accountId()::equals).orElse(false)) {
                throw new org.lscb.exchange.envelope.UnsupportedEnvelopeException("an outer signature by someone other than the uploader");
            }
            return inner;
        } catch (RuntimeException e) {
            store().discard(inner);
            throw e;
        }
    }

    /** The documents of a review the caller may see. */
    public List<Document> list(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            Set<String> mine = certificateIdsOf(em, by, seen);
            return new JpaDocumentRepository(em).ofReview(reviewId).stream().filter(d -> canSeeMetadata(by, seen, d, mine)).toList();
        });
    }

    public Document metadata(Caller by, String documentId) {
        Document d = database.read(em -> new JpaDocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        boolean visible = database.read(em -> canSeeMetadata(by, seen, d, certificateIdsOf(em, by, seen)));
        if (!visible) {
            throw new NotFoundException();
        }
        return d;
    }

    /**
     * The envelope, to a current recipient only: the caller must still stand in a relation to the review
     * (an ended appointment ends this at once) and hold a usable certificate the document is encrypted to.
     */
    /** An envelope as stored, with its length, for a download. */
    public record Content(InputStream in, long size) {
    }

    public Content content(Caller by, String documentId) {
        Document d = currentRecipientOf(by, documentId);
        try {
            InputStream in = store().open(d.sha256());
            audit(by, "DOCUMENT_DOWNLOADED", d, d.size() + " bytes");
            return new Content(in, d.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A current holder (typically the board, after a late appointment) adds RecipientInfos it made for
     * newly entitled recipients; the server splices them into the stored envelope. Each must address a
     * certificate the review entitles now and the document is not yet encrypted to.
     */
    public Document grant(Caller by, String documentId, byte[] grantDer) {
        Document d = database.read(em -> new JpaDocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        Set<String> mine = database.read(em -> certificateIdsOf(em, by, seen));
        // the lead board grants, through its board key: no other holder can add (or poison) a recipient entry
        if (!seen.relations().contains(Relation.LEAD_BOARD_OFFICER) || mine.stream().noneMatch(d::addressedTo)) {
            audit(by, "DOCUMENT_ACCESS_REFUSED", d, "grant by someone who is not the lead board holding the document");
            throw new NotFoundException();
        }
        var splice = Envelopes.splice();
        var granted = splice.parseGranted(grantDer);
        List<IssuedCertificate> entitled = database.read(em -> keys.recipientsOf(em, seen.review()));
        Set<String> newIds = new LinkedHashSet<>();
        int strangers = 0;
        for (EnvelopeInfo.RecipientRef ref : splice.addressees(granted)) {
            Optional<IssuedCertificate> match = entitled.stream().filter(c -> ref.names(c.x509())).findFirst();
            if (match.isEmpty()) {
                strangers++;
            } else {
                newIds.add(match.get().id()); // already a recipient: the new entry replaces the old one
            }
        }
        if (strangers > 0) {
            throw new RecipientSetException(List.of(), strangers);
        }
        try {
            BlobStore.Staged staged = store().stageWritten(out -> {
                try (InputStream in = store().open(d.sha256())) {
                    splice.addRecipients(in, granted, out);
                }
            });
            StoredBlob blob = store().commit(staged);
            return database.inTransaction(em -> {
                Document locked = em.find(Document.class, d.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (!locked.sha256().equals(d.sha256())) {
                    throw new org.lscb.registry.review.ReviewRuleException("changed_meanwhile",
                            "the document was changed by another grant at the same time; fetch it again and retry");
                }
                locked.granted(blob, newIds);
                new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "DOCUMENT_GRANTED", "document", d.id())
                        .forReview(d.reviewId()).withDetails("added recipients " + newIds + ", sha256 now " + blob.sha256()));
                return locked;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recipient acknowledges the document (idempotent); optionally with a signature over its SHA-256. */
    public org.lscb.exchange.store.Receipt receipt(Caller by, String documentId, String signature) {
        Document d = currentRecipientOf(by, documentId);
        try {
            return recordReceipt(by, d, signature);
        } catch (PersistenceException e) {
            // the same acknowledgement arrived twice at once: the first one stands
            return database.read(em -> new JpaDocumentRepository(em).receipt(d.id(), by.accountId())).orElseThrow(() -> e);
        }
    }

    private org.lscb.exchange.store.Receipt recordReceipt(Caller by, Document d, String signature) {
        return database.inTransaction(em -> {
            JpaDocumentRepository docs = new JpaDocumentRepository(em);
            Optional<org.lscb.exchange.store.Receipt> earlier = docs.receipt(d.id(), by.accountId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            org.lscb.exchange.store.Receipt r = new org.lscb.exchange.store.Receipt(d, by.accountId(), signature, clock.instant());
            docs.add(r);
            new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "DOCUMENT_RECEIPT", "document", d.id())
                    .forReview(d.reviewId()).withDetails("received sha256 " + d.sha256() + (r.signature().isPresent() ? ", signed" : "")));
            return r;
        });
    }

    public List<org.lscb.exchange.store.Receipt> receipts(Caller by, String documentId) {
        Document d = metadata(by, documentId);
        return database.read(em -> new JpaDocumentRepository(em).receipts(d.id()));
    }

    /** A document in the caller's inbox, and whether they have acknowledged it. */
    public record InboxItem(Document document, Optional<java.time.Instant> receivedAt) {
    }

    /** Documents encrypted to the caller's own keys on reviews they still stand in a relation to. */
    public List<InboxItem> inbox(Caller by) {
        return database.read(em -> {
            JpaCertificateRepository certs = new JpaCertificateRepository(em);
            Set<String> mine = new LinkedHashSet<>();
            certs.usableOfAccounts(List.of(by.accountId()), clock.instant()).forEach(c -> mine.add(c.id()));
            JpaDocumentRepository docs = new JpaDocumentRepository(em);
            Map<String, Boolean> reviewVisible = new java.util.HashMap<>();
            return docs.addressedTo(mine).stream()
                    .filter(d -> reviewVisible.computeIfAbsent(d.reviewId(), id -> stillRelated(by, id)))
                    .map(d -> new InboxItem(d, docs.receipt(d.id(), by.accountId()).map(org.lscb.exchange.store.Receipt::receivedAt)))
                    .toList();
        });
    }

    /** The documents of a review the caller can fetch now, for the bundle. */
    public List<Document> readable(Caller by, String reviewId) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        return database.read(em -> {
            Set<String> mine = certificateIdsOf(em, by, seen);
            return new JpaDocumentRepository(em).ofReview(reviewId).stream().filter(d -> mine.stream().anyMatch(d::addressedTo)).toList();
        });
    }

    public InputStream ciphertext(Document d) throws IOException {
        return store().open(d.sha256());
    }

    public void bundled(Caller by, String reviewId, int count) {
        database.inTransaction(em -> new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "BUNDLE_DOWNLOADED", "review",
                reviewId).forReview(reviewId).withDetails(count + " documents")));
    }

    private boolean stillRelated(Caller by, String reviewId) {
        return !reviews.relationsTo(by, reviewId).isEmpty();
    }

    private Document currentRecipientOf(Caller by, String documentId) {
        Document d = database.read(em -> new JpaDocumentRepository(em).byId(documentId)).orElseThrow(NotFoundException::new);
        ReviewService.Seen seen = reviews.get(by, d.reviewId());
        Set<String> mine = database.read(em -> certificateIdsOf(em, by, seen));
        if (mine.stream().noneMatch(d::addressedTo)) {
            audit(by, "DOCUMENT_ACCESS_REFUSED", d, "not a current recipient");
            throw new NotFoundException();
        }
        return d;
    }

    /** The usable certificates through which the caller reads this review: their own, and the board's for its officers. */
    private Set<String> certificateIdsOf(EntityManager em, Caller by, ReviewService.Seen seen) {
        JpaCertificateRepository certs = new JpaCertificateRepository(em);
        Set<String> ids = new LinkedHashSet<>();
        // a person's own key counts only while they are appointed: ending the appointment ends access even for
        // someone who also stands to the review another way (an agency user, a cooperating board's officer)
        Set<Relation> r = seen.relations();
        if (r.contains(Relation.APPOINTED_REVIEWER) || r.contains(Relation.APPOINTED_CORONER) || r.contains(Relation.APPOINTED_PAEDIATRICIAN)) {
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
        if (r.contains(Relation.INVOLVED_AGENCY) && d.organisationId().map(o -> o.equals(by.organisationId())).orElse(false)) {
            return true;
        }
        return myCertificates.stream().anyMatch(d::addressedTo);
    }

    private void audit(Caller by, String action, Document d, String details) {
        database.inTransaction(em -> new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), action, "document", d.id())
                .forReview(d.reviewId()).withDetails(details)));
    }

    private BlobStore store() {
        BlobStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    try {
                        store = new BlobStore(config.dataDir().resolve("blobs"));
                        store.keepFree(config.documentMinFreeBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                s = store;
            }
        }
        return s;
    }

}
