package org.lscb.exchange.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recipient's acknowledgement that they received a document, naming the ciphertext they received
 * (its SHA-256) and optionally carrying their detached CMS signature over that hash.
 */
@Entity
@Table(name = "document_receipt")
public class Receipt {

    public static final int MAX_SIGNATURE = 16000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "document_id", nullable = false, length = 36)
    private String documentId;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "signature", length = MAX_SIGNATURE)
    private String signature;

    protected Receipt() {}

    public Receipt(Document d, String accountId, String signature, Instant at) {
        if (signature != null && (signature.length() > MAX_SIGNATURE || !signature.matches("[A-Za-z0-9+/=\\s-]*"))) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "signature", "must be base64 or PEM text of at most " + MAX_SIGNATURE + " characters");
        }
        this.id = UUID.randomUUID().toString();
        this.documentId = d.id();
        this.accountId = accountId;
        this.sha256 = d.sha256();
        this.signature = signature == null || signature.isBlank() ? null : signature.strip();
        this.receivedAt = at;
    }

    public String id() {
        return id;
    }

    public String documentId() {
        return documentId;
    }

    public String accountId() {
        return accountId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String sha256() {
        return sha256;
    }

    public Optional<String> signature() {
        return Optional.ofNullable(signature);
    }
}
