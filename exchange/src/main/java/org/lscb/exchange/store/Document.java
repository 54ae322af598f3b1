package org.lscb.exchange.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lscb.envelope.EnvelopeProfile;
import org.lscb.foundation.value.Text;

/**
 * A document of a review as the server knows it: metadata and where its ciphertext is (by SHA-256),
 * never its content. The recipients are the certificates it is encrypted to.
 */
@Entity
@Table(name = "document")
public class Document {

    public static final int MAX_TITLE = 300;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "review_id", nullable = false, length = 36)
    private String reviewId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 30)
    private DocumentType type;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "marking", nullable = false, length = 40)
    private ProtectiveMarking marking;

    @Column(name = "version", nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "profile", nullable = false, length = 40)
    private EnvelopeProfile profile;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "uploaded_by", nullable = false, length = 36)
    private String uploadedBy;

    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "upload_id", length = 100)
    private String uploadId;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_recipient", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "certificate_id", length = 40)
    private Set<String> recipients = new LinkedHashSet<>();

    protected Document() {}

    /** What an uploader says about a document; the rest the server measures. */
    public record Description(DocumentType type, String title, ProtectiveMarking marking, String uploadId) {}

    public Document(
            String reviewId,
            Description d,
            EnvelopeProfile profile,
            StoredBlob blob,
            Set<String> recipients,
            String uploadedBy,
            String organisationId,
            int version,
            Instant at) {
        this.id = UUID.randomUUID().toString();
        this.reviewId = reviewId;
        this.type = Text.present(d.type(), "type");
        this.title = Text.required(d.title(), "title", MAX_TITLE);
        this.marking = d.marking() == null ? ProtectiveMarking.OFFICIAL_SENSITIVE : d.marking();
        this.uploadId = Text.optional(d.uploadId(), "uploadId", 100);
        this.profile = profile;
        this.sha256 = blob.sha256();
        this.size = blob.size();
        this.recipients.addAll(recipients);
        this.uploadedBy = uploadedBy;
        this.organisationId = organisationId;
        this.version = version;
        this.uploadedAt = at;
    }

    /** The envelope now also addresses these certificates: it was rewritten with their RecipientInfos added. */
    public void granted(StoredBlob rewritten, Set<String> certificateIds) {
        this.sha256 = rewritten.sha256();
        this.size = rewritten.size();
        this.recipients.addAll(certificateIds);
    }

    public boolean addressedTo(String certificateId) {
        return recipients.contains(certificateId);
    }

    public String id() {
        return id;
    }

    public String reviewId() {
        return reviewId;
    }

    public DocumentType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public ProtectiveMarking marking() {
        return marking;
    }

    public int version() {
        return version;
    }

    public EnvelopeProfile profile() {
        return profile;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Optional<String> organisationId() {
        return Optional.ofNullable(organisationId);
    }

    public Optional<String> uploadId() {
        return Optional.ofNullable(uploadId);
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public Set<String> recipients() {
        return Set.copyOf(recipients);
    }
}
