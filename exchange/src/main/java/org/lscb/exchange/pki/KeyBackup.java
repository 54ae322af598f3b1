package org.lscb.exchange.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * An account's one key backup: its private key wrapped under a passphrase only the person knows ({@link
 * WrappedKey}), and the certificate of that key, one of the account's own. Keyed by the account, so that a
 * backup is reached only as the account's own; storing again replaces it. The byte fields are kept as base64
 * text, which both databases store alike.
 */
@Entity
@Table(name = "key_backup")
public class KeyBackup {

    /** The base64 length of {@link WrappedKey#MAX_CIPHERTEXT_BYTES}. */
    static final int CIPHERTEXT_CHARS = 4 * ((WrappedKey.MAX_CIPHERTEXT_BYTES + 2) / 3);

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "certificate_id", nullable = false, length = 40)
    private String certificateId;

    @Column(name = "format", nullable = false, length = 40)
    private String format;

    @Column(name = "kdf", nullable = false, length = 40)
    private String kdf;

    @Column(name = "iterations", nullable = false)
    private int iterations;

    @Column(name = "salt", nullable = false, length = 24)
    private String salt;

    @Column(name = "nonce", nullable = false, length = 16)
    private String nonce;

    @Column(name = "ciphertext", nullable = false, length = CIPHERTEXT_CHARS)
    private String ciphertext;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KeyBackup() {}

    /**
     * The backup of {@code accountId}'s key, which {@code certificate} certifies. The certificate must be the
     * account's own: a backup beside someone else's certificate would tell its owner they hold a key they do not.
     */
    public KeyBackup(String accountId, WrappedKey key, IssuedCertificate certificate, Instant at) {
        if (accountId == null) {
            throw new IllegalArgumentException("a key backup belongs to an account");
        }
        this.accountId = accountId;
        replace(key, certificate, at);
    }

    /** Replaces the backup with another wrapping, of the same key or of a new one. */
    public void replace(WrappedKey key, IssuedCertificate certificate, Instant at) {
        if (!certificate.accountId().map(accountId::equals).orElse(false)) {
            throw new IllegalArgumentException("certificate " + certificate.id() + " is not of account " + accountId
                    + "; it cannot sit beside its backup");
        }
        Base64.Encoder b64 = Base64.getEncoder();
        this.certificateId = certificate.id();
        this.format = key.format();
        this.kdf = key.kdf();
        this.iterations = key.iterations();
        this.salt = b64.encodeToString(key.salt());
        this.nonce = b64.encodeToString(key.nonce());
        this.ciphertext = b64.encodeToString(key.ciphertext());
        // to the millisecond, which both databases keep exactly, so that the time answered is the time read back
        this.updatedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public String accountId() {
        return accountId;
    }

    public String certificateId() {
        return certificateId;
    }

    /** The wrapping as stored; it passes the same checks as when it was stored. */
    public WrappedKey key() {
        Base64.Decoder b64 = Base64.getDecoder();
        return new WrappedKey(format, kdf, iterations, b64.decode(salt), b64.decode(nonce), b64.decode(ciphertext));
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
