package org.lscb.exchange.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** A certificate the deployment CA issued, bound to an account (personal) or a board, and whether it is revoked. */
@Entity
@Table(name = "certificate")
public class IssuedCertificate {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 20)
    private CertificatePurpose purpose;

    @Column(name = "subject", nullable = false, length = 500)
    private String subject;

    @Column(name = "issuer", nullable = false, length = 500)
    private String issuer;

    @Column(name = "serial", nullable = false, length = 64)
    private String serial;

    @Column(name = "fingerprint", nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "pem", nullable = false, length = 8000)
    private String pem;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 36)
    private String revokedBy;

    protected IssuedCertificate() {}

    public IssuedCertificate(
            X509Certificate c, CertificatePurpose purpose, String accountId, String organisationId, Instant at) {
        this.serial = c.getSerialNumber().toString(16);
        this.id = serial;
        this.purpose = purpose;
        this.accountId = accountId;
        this.organisationId = organisationId;
        this.subject = c.getSubjectX500Principal().getName();
        this.issuer = c.getIssuerX500Principal().getName();
        this.fingerprint = Pem.fingerprint(c);
        this.pem = Pem.certificate(c);
        this.notBefore = c.getNotBefore().toInstant();
        this.notAfter = c.getNotAfter().toInstant();
        this.issuedAt = at;
    }

    /** Revokes it; documents already encrypted to it stay readable by their other recipients. */
    public void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public boolean usableOn(Instant at) {
        return revokedAt == null && !at.isBefore(notBefore) && at.isBefore(notAfter);
    }

    public X509Certificate x509() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("stored certificate " + id + " cannot be read", e);
        }
    }

    public String id() {
        return id;
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Optional<String> organisationId() {
        return Optional.ofNullable(organisationId);
    }

    public CertificatePurpose purpose() {
        return purpose;
    }

    public String subject() {
        return subject;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String pem() {
        return pem;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
