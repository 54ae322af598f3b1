package org.lscb.server.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lscb.envelope.BerFraming;
import org.lscb.envelope.EnvelopeInfo;
import org.lscb.envelope.Envelopes;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.BlobStore;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.exchange.store.StoredBlob;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.keys.KeyService;
import org.lscb.server.review.ReviewService;

/**
 * Uploads of review documents (docs/api.md "Documents"): an envelope sealed by the uploader, or plaintext the
 * server seals as it arrives. The body streams to a temporary file (size-capped, paced, framing checked as
 * it passes), its envelope is checked against the profile and the review's recipient set, the blob is
 * made durable, then one short transaction records it; 201 only then. Refusals are audited.
 */
@ApplicationScoped
public class DocumentUploads {

    private Database database;
    private ReviewService reviews;
    private KeyService keys;
    private ServerConfig config;
    private DocumentBlobs blobs;
    private org.lscb.server.keys.CertificateAuthority authority;
    private Clock clock;
    private RefusalAuditor refusals;

    protected DocumentUploads() {}

    @Inject
    public DocumentUploads(
            Database database,
            ReviewService reviews,
            KeyService keys,
            ServerConfig config,
            DocumentBlobs blobs,
            org.lscb.server.keys.CertificateAuthority authority) {
        this.database = database;
        this.reviews = reviews;
        this.keys = keys;
        this.config = config;
        this.blobs = blobs;
        this.authority = authority;
        this.clock = Clock.systemUTC();
        this.refusals = new RefusalAuditor(database, clock);
    }

    /** The stored document and whether this request created it (false: an earlier try with the same upload id did). */
    public record Uploaded(Document document, boolean created) {}

    /**
     * An envelope upload. When {@code digest} names any algorithm, the body as it arrived must have that digest
     * (the outer SignedData's bytes when there is one, not the envelope inside it), or nothing is kept. A retry
     * answered with an earlier upload's document reads no body, so checks none.
     */
    public Uploaded upload(
            Caller by, String reviewId, Document.Description description, ContentDigest digest, InputStream body) {
        Review review = reviews.allowedTo(by, reviewId, Action.UPLOAD).review();
        return auditingRefusals(by, reviewId, () -> receive(by, review, reviewId, description, digest, body));
    }

    /** docs/security.md: a refused upload leaves a line in the audit log, whichever kind of upload it was. */
    private Uploaded auditingRefusals(Caller by, String reviewId, java.util.function.Supplier<Uploaded> upload) {
        return refusals.auditing(
                UPLOAD_REFUSALS,
                RefusalAuditor.Target.review(by.accountId(), reviewId),
                RefusalAuditor::typeAndMessage,
                upload);
    }

    private static final RefusalAuditor.Policy UPLOAD_REFUSALS = RefusalAuditor.Policy.of(
            AuditAction.DOCUMENT_REFUSED,
            org.lscb.envelope.UnsupportedEnvelopeException.class,
            RecipientSetException.class,
            NeedToKnowException.class,
            org.lscb.exchange.store.TooLargeException.class,
            org.lscb.exchange.store.TooSlowException.class,
            org.lscb.reviews.ReviewRuleException.class,
            DigestMismatchException.class,
            org.lscb.exchange.store.InsufficientStorageException.class);

    private Uploaded receive(
            Caller by,
            Review review,
            String reviewId,
            Document.Description description,
            ContentDigest digest,
            InputStream body) {
        Optional<Document> earlier = earlierUpload(by, reviewId, description);
        if (earlier.isPresent()) {
            return new Uploaded(earlier.get(), false);
        }
        // staging hashes the body with SHA-256 already; only the field's other algorithms need a pass of their own
        java.util.EnumSet<ContentDigest.Algorithm> others = java.util.EnumSet.noneOf(ContentDigest.Algorithm.class);
        others.addAll(digest.algorithms());
        others.remove(ContentDigest.Algorithm.SHA_256);
        ReceivedDigests received = new ReceivedDigests(body, others);
        BlobStore.Staged staged;
        try {
            staged = store().stage(paced(received), config.documentMaxBytes(), BerFraming::new);
        } catch (BerFraming.FramingException e) {
            throw new org.lscb.envelope.UnsupportedEnvelopeException("malformed CMS: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            java.util.Map<ContentDigest.Algorithm, byte[]> digests = new java.util.EnumMap<>(received.digests());
            digests.put(
                    ContentDigest.Algorithm.SHA_256, java.util.HexFormat.of().parseHex(staged.sha256()));
            digest.verify(digests); // before anything else is made of the body
            staged = withoutOuterSignature(by, staged);
            EnvelopeInfo info;
            try (InputStream in = java.nio.file.Files.newInputStream(staged.file())) {
                info = Envelopes.inspector().inspect(in);
            }
            List<IssuedCertificate> required = requiredRecipients(review, description.type());
            refuseWithheld(review, description.type(), info);
            List<X509Certificate> requiredX509 =
                    required.stream().map(IssuedCertificate::x509).toList();
            List<String> missing = required.stream()
                    .filter(c -> !info.addressedToAll(List.of(c.x509())))
                    .map(IssuedCertificate::id)
                    .toList();
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
            store().discardQuietly(staged);
        }
    }

    /**
     * A browser upload without client-side crypto: the server seals the bytes to the review's recipient set
     * as they arrive, signed by its upload gateway key, straight into the temporary ciphertext file; no
     * plaintext is written anywhere. The document records who uploaded it.
     */
    public Uploaded uploadPlain(
            Caller by, String reviewId, Document.Description description, ContentDigest digest, InputStream plaintext) {
        Review review = reviews.allowedTo(by, reviewId, Action.UPLOAD).review();
        return auditingRefusals(by, reviewId, () -> seal(by, review, reviewId, description, digest, plaintext));
    }

    /** B6: a body that trickles in is cut off rather than holding a thread and a temporary file. */
    private InputStream paced(InputStream body) {
        return new org.lscb.exchange.store.MinimumRate(body, config.uploadMinBytes(), config.uploadRateWindow());
    }

    /**
     * Seals a plain upload. A {@code digest} covers the plaintext as sent (the only bytes the caller can hash: the
     * envelope is made here); the envelope is staged while the plaintext is hashed, and committed only when the
     * digests agree.
     */
    private Uploaded seal(
            Caller by,
            Review review,
            String reviewId,
            Document.Description description,
            ContentDigest digest,
            InputStream plaintext) {
        Optional<Document> earlier = earlierUpload(by, reviewId, description);
        if (earlier.isPresent()) {
            return new Uploaded(earlier.get(), false);
        }
        List<IssuedCertificate> required = requiredRecipients(review, description.type());
        var sealer = Envelopes.sealer(
                authority.gateway(),
                required.stream().map(IssuedCertificate::x509).toList());
        ReceivedDigests received = new ReceivedDigests(plaintext, digest.algorithms());
        BlobStore.Staged staged = null;
        try {
            staged = store().stageWritten(out -> sealer.seal(
                    new org.lscb.exchange.store.BlobStore.Capped(
                            paced(received), plainUploadLimit(config.documentMaxBytes())),
                    out));
            digest.verify(received.digests());
            StoredBlob blob = store().commit(staged);
            Set<String> recipientIds = idsOf(required);
            return record(
                    by,
                    reviewId,
                    description,
                    org.lscb.envelope.EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM,
                    blob,
                    recipientIds,
                    "sealed by the server for a browser upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store().discardQuietly(staged); // F3: a commit that failed (disk full) leaves no temporary file
        }
    }

    /**
     * A plain upload is sealed here with AES-256-GCM, whose JDK implementation stops at 2 GiB: a larger
     * configured cap would let such a body run into that limit and fail as a server error rather than 413.
     */
    static long plainUploadLimit(long configuredMax) {
        return Math.min(configuredMax, org.lscb.envelope.Sealer.MAX_GCM_DOCUMENT_BYTES);
    }

    /**
     * The document an earlier try with the same upload id stored. An upload id makes a retry land once; the
     * same id on another review is not a retry, and answering with that review's document would claim an
     * upload that did not happen (409 upload_id_reused).
     */
    private Optional<Document> earlierUpload(Caller by, String reviewId, Document.Description description) {
        if (description.uploadId() == null) {
            return Optional.empty();
        }
        Optional<Document> earlier =
                database.read(em -> new DocumentRepository(em).byUpload(by.accountId(), description.uploadId()));
        if (earlier.isPresent() && !earlier.get().reviewId().equals(reviewId)) {
            throw new org.lscb.reviews.ReviewRuleException(
                    "upload_id_reused",
                    "upload id " + description.uploadId()
                            + " was used for a document of another review; send each new document with a new upload id");
        }
        return earlier;
    }

    /**
     * Need to know: an envelope addressed to someone appointed to the review whose role does not receive this type
     * of document is refused, naming them, before the general check of the recipient set would call them strangers.
     */
    private void refuseWithheld(Review review, org.lscb.exchange.store.DocumentType type, EnvelopeInfo info) {
        java.util.Map<String, String> addressed = new java.util.LinkedHashMap<>();
        database.read(em -> keys.withheld(em, review, type)).forEach((cert, role) -> {
            if (info.addressedToAll(List.of(cert.x509()))) {
                addressed.put(cert.id(), role.name());
            }
        });
        if (!addressed.isEmpty()) {
            throw new NeedToKnowException(type.name(), review.id(), addressed);
        }
    }

    /** The certificates every new document of the type must be encrypted to; none yet is a 409. */
    private List<IssuedCertificate> requiredRecipients(Review review, org.lscb.exchange.store.DocumentType type) {
        List<IssuedCertificate> required = database.read(em -> keys.recipientsOf(em, review, type));
        if (required.isEmpty()) {
            throw new org.lscb.reviews.ReviewRuleException(
                    "no_recipients",
                    "review " + review.id()
                            + " has no recipient certificates yet: the board must enrol its board key (POST /api/v1/keys/enrol?for=board)");
        }
        return required;
    }

    private static Set<String> idsOf(List<IssuedCertificate> certificates) {
        return certificates.stream().map(IssuedCertificate::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Uploaded record(
            Caller by,
            String reviewId,
            Document.Description description,
            org.lscb.envelope.EnvelopeProfile profile,
            StoredBlob blob,
            Set<String> recipientIds,
            String how) {
        try {
            Document d = database.inTransaction(em -> {
                DocumentRepository docs = new DocumentRepository(em);
                Document doc = new Document(
                        reviewId,
                        description,
                        profile,
                        blob,
                        recipientIds,
                        by.accountId(),
                        by.organisationId(),
                        docs.nextVersion(
                                reviewId,
                                description.type(),
                                description.title().strip()),
                        clock.instant());
                docs.add(doc);
                new AuditLog(em)
                        .append(AuditEvent.of(
                                        clock.instant(),
                                        by.accountId(),
                                        AuditAction.DOCUMENT_UPLOADED,
                                        "document",
                                        doc.id())
                                .forReview(reviewId)
                                .withDetails(doc.type() + " v" + doc.version() + ", " + doc.size() + " bytes, sha256 "
                                        + doc.sha256() + ", " + recipientIds.size() + " recipients"
                                        + (how == null ? "" : ", " + how)));
                return doc;
            });
            return new Uploaded(d, true);
        } catch (PersistenceException e) {
            // the same upload id landed at the same moment from another request: answer with that one
            if (description.uploadId() != null) {
                Optional<Document> other = earlierUpload(by, reviewId, description);
                if (other.isPresent()) {
                    return new Uploaded(other.get(), false);
                }
            }
            throw e;
        }
    }

    private static RuntimeException malformedInside(BerFraming.FramingException e) {
        return new org.lscb.envelope.UnsupportedEnvelopeException(
                "malformed CMS inside the outer signature: " + e.getMessage());
    }

    /**
     * An envelope may arrive inside the uploader's own SignedData (docs/api.md). The signature must verify, its
     * certificate must be one this deployment's CA issued to the caller and not revoked (docs/security.md B5);
     * then the envelope inside is what is stored.
     */
    private BlobStore.Staged withoutOuterSignature(Caller by, BlobStore.Staged staged) throws IOException {
        boolean signed;
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(staged.file()))) {
            signed = org.lscb.envelope.EnvelopeInspector.isSignedData(in);
        }
        if (!signed) {
            return staged;
        }
        X509Certificate[] signer = new X509Certificate[1];
        BlobStore.Staged inner;
        try (InputStream in = java.nio.file.Files.newInputStream(staged.file())) {
            // the envelope inside gets the same framing check as a bare one (B1): a truncated or padded
            // envelope under a valid signature would otherwise be stored and never open
            inner = store().stageWritten(out -> {
                BerFraming.Output framed = BerFraming.checking(out);
                signer[0] = Envelopes.outerSignature().unwrap(in, framed);
                framed.finish();
            });
        } catch (BerFraming.FramingException e) {
            throw malformedInside(e);
        } catch (UncheckedIOException e) {
            // a write into the framing check that it refused; any other failed write (a full disk) stays what it is
            throw e.getCause() instanceof BerFraming.FramingException f ? malformedInside(f) : e;
        } finally {
            store().discard(staged);
        }
        try {
            Optional<String> notOwn = keys.notCallersOwn(by, signer[0], "the uploader");
            if (notOwn.isPresent()) {
                throw new org.lscb.envelope.UnsupportedEnvelopeException("an outer signature by " + notOwn.get());
            }
            return inner;
        } catch (RuntimeException e) {
            store().discard(inner);
            throw e;
        }
    }

    private BlobStore store() {
        return blobs.store();
    }
}
