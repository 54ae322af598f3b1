package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lscb.exchange.pki.CertificatePurpose;
import org.lscb.exchange.pki.CertificateRepository;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.DocumentType;
import org.lscb.exchange.store.NeedToKnow;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.Review;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * Certificates: enrolment (a PKCS#10 request becomes a certificate bound to the caller, or to the
 * caller's board), revocation, and the recipient set of a review. Every issuance and revocation is audited.
 */
@ApplicationScoped
public class KeyService {

    private Database database;
    private CertificateAuthority authority;
    private ReviewService reviews;
    private Clock clock;

    protected KeyService() {}

    @Inject
    public KeyService(Database database, CertificateAuthority authority, ReviewService reviews) {
        this.database = database;
        this.authority = authority;
        this.reviews = reviews;
        this.clock = Clock.systemUTC();
    }

    public String caPem() {
        return org.lscb.exchange.pki.Pem.certificate(authority.ca().certificate());
    }

    /**
     * Issues a certificate for the key in the request. A personal certificate names the caller's account;
     * a board certificate, asked for by an officer of an LSCB, names the board.
     */
    public IssuedCertificate enrol(Caller by, String csrPem, CertificatePurpose purpose) {
        DeploymentCa ca = authority.ca();
        return database.inTransaction(em -> {
            Organisation org = by.organisationId() == null
                    ? null
                    : new OrganisationRepository(em).byId(by.organisationId()).orElse(null);
            IssuedCertificate issued;
            if (purpose == CertificatePurpose.BOARD) {
                if (!by.has(Role.LSCB_OFFICER) || org == null || !org.isBoard()) {
                    throw new ForbiddenException("only an officer of an LSCB enrols its board key");
                }
                // one board key at a time: a second one is refused until the first is revoked (both audited), so no
                // officer can quietly add a key that every later document would have to be encrypted to. The audit
                // head is locked first, as every writer takes it (AuditLog.lockForAppend), so two officers enrolling
                // at once take turns and the second sees the first's key.
                new AuditLog(em).lockForAppend();
                if (!new CertificateRepository(em)
                        .usableOfBoard(org.id(), clock.instant())
                        .isEmpty()) {
                    throw new org.lscb.reviews.ReviewRuleException(
                            "board_key_exists",
                            "the board already has an active board key; revoke it first (POST /api/v1/keys/{certId}/revoke)");
                }
                X509Certificate c = ca.issue(
                        csrPem,
                        DeploymentCa.subject(org.name() + " (board key)", org.name(), org.id()),
                        clock.instant());
                issued = new IssuedCertificate(c, purpose, null, org.id(), clock.instant());
            } else {
                X509Certificate c = ca.issue(
                        csrPem,
                        DeploymentCa.subject(by.displayName(), org == null ? null : org.name(), by.accountId()),
                        clock.instant());
                issued = new IssuedCertificate(c, purpose, by.accountId(), null, clock.instant());
            }
            new CertificateRepository(em).add(issued);
            audit(
                    em,
                    by,
                    AuditAction.CERTIFICATE_ISSUED,
                    issued,
                    purpose + " " + issued.subject() + " sha256 " + issued.fingerprint());
            return issued;
        });
    }

    /** The caller's own certificates and, for an officer, those of their board. */
    public List<IssuedCertificate> mine(Caller by) {
        return database.read(em -> {
            CertificateRepository certs = new CertificateRepository(em);
            List<IssuedCertificate> out = new ArrayList<>(certs.ofAccount(by.accountId()));
            if (by.has(Role.LSCB_OFFICER) && by.organisationId() != null) {
                out.addAll(certs.usableOfBoard(by.organisationId(), clock.instant()));
            }
            return out;
        });
    }

    /** A certificate's public record (subject, fingerprint, status): not secret, and needed to check signers. */
    public IssuedCertificate status(String certId) {
        return database.read(em -> new CertificateRepository(em).byId(certId)).orElseThrow(NotFoundException::new);
    }

    /**
     * The upload gateway's certificate when {@code certId} names one of its versions: it signs what the server seals
     * for plain uploads, is issued by the deployment CA like the others, but is not an issued person's or board's
     * certificate, so a reader checking a signer asks for it here, also for a document an earlier version signed.
     */
    public Optional<CertificateAuthority.GatewayCertificate> gatewayCertificate(String certId) {
        return authority.gatewayCertificate(certId);
    }

    /** The owner, an officer of the board for a board key, or an administrator revokes; anyone else sees 404. */
    public IssuedCertificate revoke(Caller by, String certId) {
        IssuedCertificate found =
                database.read(em -> new CertificateRepository(em).byId(certId)).orElseThrow(NotFoundException::new);
        if (!mayRevoke(by, found)) {
            // refused in a transaction of its own: the refusal is audited (docs/security.md), and nothing else changes
            database.inTransaction(em -> {
                audit(
                        em,
                        by,
                        AuditAction.CERTIFICATE_REVOKE_REFUSED,
                        found,
                        "not the owner, an officer of its board or an administrator");
                return null;
            });
            throw new NotFoundException();
        }
        return database.inTransaction(em -> {
            IssuedCertificate c = new CertificateRepository(em).byId(certId).orElseThrow(NotFoundException::new);
            c.revoke(by.accountId(), clock.instant());
            audit(em, by, AuditAction.CERTIFICATE_REVOKED, c, c.subject() + " sha256 " + c.fingerprint());
            return c;
        });
    }

    /**
     * Why a signer's certificate does not speak for the caller (docs/security.md B5), or empty when it does: it
     * must be one this deployment's CA issued to the caller's account, valid now and not revoked.
     * {@code callerIs} names the caller in the reason ("the uploader").
     */
    public Optional<String> notCallersOwn(Caller by, X509Certificate signer, String callerIs) {
        try {
            signer.verify(authority.ca().certificate().getPublicKey());
            signer.checkValidity();
        } catch (java.security.GeneralSecurityException e) {
            return Optional.of("a certificate this deployment did not issue");
        }
        String id = signer.getSerialNumber().toString(16);
        Optional<IssuedCertificate> issued = database.read(em -> new CertificateRepository(em).byId(id));
        if (issued.isEmpty()) {
            return Optional.of("an unknown certificate");
        }
        if (issued.get().revokedAt().isPresent()) {
            return Optional.of("a revoked certificate");
        }
        if (!issued.get().accountId().map(by.accountId()::equals).orElse(false)) {
            return Optional.of("someone other than " + callerIs);
        }
        return Optional.empty();
    }

    private static boolean mayRevoke(Caller by, IssuedCertificate c) {
        boolean owner = c.accountId().map(by.accountId()::equals).orElse(false);
        boolean board = c.organisationId()
                .map(o -> o.equals(by.organisationId()) && by.has(Role.LSCB_OFFICER))
                .orElse(false);
        return owner || board || by.has(Role.ADMIN);
    }

    /**
     * The certificates a new document of {@code type} for the review must be encrypted to: the lead board's board
     * certificates, then the usable personal certificates of everyone appointed now whose role needs that type of
     * document ({@link NeedToKnow}).
     */
    public List<IssuedCertificate> recipients(Caller by, String reviewId, DocumentType type) {
        Review review = reviews.get(by, reviewId).review();
        return database.read(em -> recipientsOf(em, review, type));
    }

    /**
     * {@link #recipients} for every type of document, for a page that shows them all: one look at the review, and in
     * one transaction each set of appointed accounts' certificates read once (the types share two or three sets).
     */
    public Map<DocumentType, List<IssuedCertificate>> recipientsByType(Caller by, String reviewId) {
        Review review = reviews.get(by, reviewId).review();
        return database.read(em -> {
            CertificateRepository certs = new CertificateRepository(em);
            List<IssuedCertificate> board = certs.usableOfBoard(review.leadLscbId(), clock.instant());
            Map<Set<String>, List<IssuedCertificate>> personal = new HashMap<>();
            Map<DocumentType, List<IssuedCertificate>> out = new EnumMap<>(DocumentType.class);
            for (DocumentType t : DocumentType.values()) {
                List<IssuedCertificate> all = new ArrayList<>(board);
                all.addAll(personal.computeIfAbsent(
                        appointedAccounts(em, review, t), a -> certs.usableOfAccounts(a, clock.instant())));
                out.put(t, all);
            }
            return out;
        });
    }

    public List<IssuedCertificate> recipientsOf(EntityManager em, Review review, DocumentType type) {
        CertificateRepository certs = new CertificateRepository(em);
        List<IssuedCertificate> out = new ArrayList<>(certs.usableOfBoard(review.leadLscbId(), clock.instant()));
        out.addAll(certs.usableOfAccounts(appointedAccounts(em, review, type), clock.instant()));
        return out;
    }

    /**
     * The usable personal certificates of those appointed now whose role does not need documents of {@code type},
     * each with the role: an envelope of that type addressed to one of them is sealed to someone who must not read
     * it.
     */
    public Map<IssuedCertificate, AppointmentRole> withheld(EntityManager em, Review review, DocumentType type) {
        CertificateRepository certs = new CertificateRepository(em);
        Set<String> receiving = appointedAccounts(em, review, type);
        Map<IssuedCertificate, AppointmentRole> out = new java.util.LinkedHashMap<>();
        ReviewerRepository reviewers = new ReviewerRepository(em);
        for (Appointment a : review.activeAppointments()) {
            List<String> others = accountsOf(a, reviewers).stream()
                    .filter(account -> !receiving.contains(account))
                    .toList();
            if (!others.isEmpty()) {
                certs.usableOfAccounts(others, clock.instant()).forEach(c -> out.put(c, a.role()));
            }
        }
        return out;
    }

    private static Set<String> appointedAccounts(EntityManager em, Review review, DocumentType type) {
        ReviewerRepository reviewers = new ReviewerRepository(em);
        Set<String> accounts = new LinkedHashSet<>();
        for (Appointment a : review.activeAppointments()) {
            if (!NeedToKnow.needs(a.role(), type)) {
                continue;
            }
            accounts.addAll(accountsOf(a, reviewers));
        }
        return accounts;
    }

    /** The accounts an appointment names: its own, and its reviewer's. */
    private static List<String> accountsOf(Appointment a, ReviewerRepository reviewers) {
        List<String> out = new ArrayList<>(2);
        a.accountId().ifPresent(out::add);
        a.reviewerId().flatMap(reviewers::byId).map(Reviewer::accountId).ifPresent(out::add);
        return out;
    }

    public static CertificatePurpose purpose(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("personal")) {
            return CertificatePurpose.PERSONAL;
        }
        if (text.equalsIgnoreCase("board")) {
            return CertificatePurpose.BOARD;
        }
        throw new InvalidValueException("for", "must be personal or board");
    }

    private void audit(EntityManager em, Caller by, AuditAction action, IssuedCertificate c, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "certificate", c.id())
                        .withDetails(details));
    }
}
