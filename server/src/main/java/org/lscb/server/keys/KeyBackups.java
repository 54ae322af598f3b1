package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.lscb.exchange.pki.CertificateRepository;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.pki.KeyBackup;
import org.lscb.exchange.pki.KeyBackupRepository;
import org.lscb.exchange.pki.Pem;
import org.lscb.exchange.pki.WrappedKey;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.Caller;

/**
 * A person's optional key backup (docs/security.md "Key backup"): their private key wrapped in their browser
 * under a passphrase the server never sees, kept beside the certificate of that key. Every call works on the
 * caller's own backup and no other's; storing, reading and removing are audited.
 */
@ApplicationScoped
public class KeyBackups {

    /** A DER certificate of this deployment is under 2 KiB; 16 KiB leaves room for any, and no more. */
    public static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

    private static final String FIELD = "certificate";

    private Database database;
    private Clock clock;

    protected KeyBackups() {}

    @Inject
    public KeyBackups(Database database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    /** A backup with the certificate it sits beside. */
    public record Backup(KeyBackup backup, IssuedCertificate certificate) {}

    /** What storing did: {@code created} when the account had no backup before. */
    public record Stored(Backup backup, boolean created) {}

    /**
     * Stores the caller's backup, replacing any earlier one. {@code certificateDer} must be one of the caller's
     * own certificates, issued by this deployment and usable now; anything else is refused naming the field
     * {@code certificate}, and nothing is stored.
     */
    public Stored store(Caller by, WrappedKey key, byte[] certificateDer) {
        X509Certificate presented = certificate(certificateDer);
        String fingerprint = Pem.fingerprint(presented);
        return database.inTransaction(em -> {
            // every writer takes the audit head (AuditLog.lockForAppend): two stores for one account take turns,
            // and the second replaces the first rather than colliding with it on the account's key
            new AuditLog(em).lockForAppend();
            IssuedCertificate certificate = callersUsable(em, by, presented, fingerprint);
            KeyBackupRepository backups = new KeyBackupRepository(em);
            Optional<KeyBackup> earlier = backups.ofAccount(by.accountId());
            KeyBackup backup;
            if (earlier.isPresent()) {
                backup = earlier.get();
                backup.replace(key, certificate, clock.instant());
            } else {
                backup = new KeyBackup(by.accountId(), key, certificate, clock.instant());
                backups.add(backup);
            }
            audit(
                    em,
                    by,
                    AuditAction.KEY_BACKUP_STORED,
                    (earlier.isPresent() ? "replaced" : "stored") + "; certificate " + certificate.id() + " sha256 "
                            + certificate.fingerprint() + "; " + key.kdf() + " " + key.iterations() + " iterations");
            return new Stored(new Backup(backup, certificate), earlier.isEmpty());
        });
    }

    /** The caller's backup, if they keep one; each reading is audited, as whoever reads it may guess at it. */
    public Optional<Backup> mine(Caller by) {
        return database.inTransaction(em -> {
            Optional<KeyBackup> found = new KeyBackupRepository(em).ofAccount(by.accountId());
            found.ifPresent(b -> audit(em, by, AuditAction.KEY_BACKUP_READ, "certificate " + b.certificateId()));
            return found.map(b -> new Backup(
                    b,
                    new CertificateRepository(em)
                            .byId(b.certificateId())
                            .orElseThrow(() -> new IllegalStateException(
                                    "the certificate of key backup " + b.accountId() + " is missing"))));
        });
    }

    /** Removes the caller's backup; removing one that is not there changes nothing and is not audited. */
    public void remove(Caller by) {
        database.inTransaction(em -> {
            new AuditLog(em).lockForAppend();
            KeyBackupRepository backups = new KeyBackupRepository(em);
            backups.ofAccount(by.accountId()).ifPresent(b -> {
                backups.remove(b);
                audit(em, by, AuditAction.KEY_BACKUP_REMOVED, "certificate " + b.certificateId());
            });
            return null;
        });
    }

    /**
     * Exactly one DER certificate: the JDK's reader also takes PEM text and ignores what follows the first
     * certificate, so the bytes are compared with the certificate's own encoding.
     */
    static X509Certificate certificate(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_CERTIFICATE_BYTES) {
            throw new InvalidValueException(
                    FIELD, "must be a DER-encoded X.509 certificate of 1 to " + MAX_CERTIFICATE_BYTES + " bytes");
        }
        try {
            X509Certificate c = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            if (c != null && Arrays.equals(c.getEncoded(), der)) {
                return c;
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // below: whatever the reader makes of bytes that are not one certificate, the caller hears the same
        }
        throw new InvalidValueException(FIELD, "must be one DER-encoded X.509 certificate, nothing before or after it");
    }

    /**
     * The register's record of the presented certificate, when it is the caller's own personal certificate and
     * usable now. The register holds what this deployment's CA issued: the same SHA-256 under the same serial is
     * the same certificate, so no signature needs checking here.
     */
    private IssuedCertificate callersUsable(
            EntityManager em, Caller by, X509Certificate presented, String fingerprint) {
        IssuedCertificate issued = new CertificateRepository(em)
                .byId(presented.getSerialNumber().toString(16))
                .filter(c -> c.fingerprint().equals(fingerprint))
                .orElseThrow(() -> new InvalidValueException(
                        FIELD, "is not a certificate this deployment issued; GET /api/v1/keys/mine lists yours"));
        if (!issued.accountId().map(by.accountId()::equals).orElse(false)) {
            throw new InvalidValueException(
                    FIELD,
                    "must be one of your own certificates (a board's key is not backed up here);"
                            + " GET /api/v1/keys/mine lists yours");
        }
        if (issued.revokedAt().isPresent()) {
            throw new InvalidValueException(FIELD, "is revoked; back up the key of an active certificate");
        }
        if (!issued.usableOn(clock.instant())) {
            throw new InvalidValueException(FIELD, "is not valid now; back up the key of an active certificate");
        }
        return issued;
    }

    private void audit(EntityManager em, Caller by, AuditAction action, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "key_backup", by.accountId())
                        .withDetails(details));
    }
}
