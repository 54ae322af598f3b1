package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.RecoveryCode;
import org.lscb.identity.account.TotpCodes;
import org.lscb.identity.account.TotpEnrolment;
import org.lscb.server.error.ConflictException;

/**
 * Two-factor sign-in with TOTP (RFC 6238): setting it up (a secret shown once, as an {@code otpauth://}
 * URI and a QR code, that counts once a first code from it is typed), recovery codes, and checking the
 * second factor at sign-in. Mandatory for the roles of {@link org.lscb.identity.account.Role#needsSecondFactor()},
 * optional for everyone else.
 */
@ApplicationScoped
public class TwoFactorService {

    /** The name authenticator apps show beside the code. */
    static final String ISSUER = "LSCB review exchange";

    private Database database;
    private TotpSecrets secrets;
    private TokenIssuer issuer;
    private Clock clock;
    private final TotpCodes codes = new TotpCodes();

    protected TwoFactorService() {}

    @Inject
    public TwoFactorService(Database database, TotpSecrets secrets, TokenIssuer issuer) {
        this.database = database;
        this.secrets = secrets;
        this.issuer = issuer;
        this.clock = Clock.systemUTC();
    }

    /** What a person scans or types into an authenticator app; shown once. */
    public record Started(String secret, String otpauthUri, String qrCode) {}

    /** The recovery codes (shown once) and a full token: the code that confirmed the factor signs the person in. */
    public record Confirmed(List<String> recoveryCodes, TokenIssuer.IssuedToken token) {}

    public record Status(boolean enrolled, Instant confirmedAt, long recoveryCodesLeft) {}

    /** How the second factor of a sign-in stands. */
    public enum Check {
        /** The account has no confirmed second factor. */
        NOT_ENROLLED,
        /** It has one and no code was given. */
        MISSING,
        ACCEPTED_CODE,
        ACCEPTED_RECOVERY_CODE,
        /** A code was given and is wrong, already used, or the account has no second factor to check it against. */
        WRONG
    }

    /** Starts (or, before confirmation, starts again) setting up the caller's second factor. */
    public Started start(Caller by) {
        byte[] secret = secrets.newSecret();
        try {
            return database.inTransaction(em -> {
                Account account = account(em, by);
                TotpEnrolment enrolment = em.find(TotpEnrolment.class, account.id());
                String wrapped = secrets.wrap(account.id(), secret);
                if (enrolment == null) {
                    em.persist(new TotpEnrolment(account.id(), wrapped, clock.instant()));
                } else if (enrolment.confirmed()) {
                    throw new ConflictException(
                            "already_enrolled", "two-factor sign-in is already set up for this account");
                } else {
                    enrolment.restart(wrapped, clock.instant());
                }
                audit(em, account, AuditAction.TOTP_ENROLMENT_STARTED, null);
                String base32 = new Base32().encodeToString(secret).replace("=", "");
                String label = enc(ISSUER) + ":" + enc(account.username().value());
                String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(ISSUER)
                        + "&algorithm=SHA1&digits=6&period=30";
                return new Started(base32, uri, QrCodeSvg.dataUri(uri));
            });
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The first code from the authenticator confirms the set-up; recovery codes replace any earlier ones. */
    public Confirmed confirm(Caller by, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("otp", "is required: the six-digit code the authenticator app shows now");
        }
        Instant now = clock.instant();
        Confirmed confirmed = database.inTransaction(em -> {
            Account account = account(em, by);
            TotpEnrolment enrolment = em.find(TotpEnrolment.class, account.id());
            if (enrolment == null) {
                throw new ConflictException(
                        "enrolment_not_started", "start setting up two-factor sign-in first (POST /api/v1/auth/totp)");
            }
            if (enrolment.confirmed()) {
                throw new ConflictException(
                        "already_enrolled", "two-factor sign-in is already set up for this account");
            }
            if (!use(enrolment, code, now)) {
                return null;
            }
            enrolment.confirm(now);
            em.createQuery("delete from RecoveryCode c where c.accountId = :a")
                    .setParameter("a", account.id())
                    .executeUpdate();
            List<String> issued = new ArrayList<>();
            for (int i = 0; i < RecoveryCode.ISSUED; i++) {
                String c = RecoveryCode.newCode();
                em.persist(new RecoveryCode(account.id(), c));
                issued.add(c);
            }
            audit(em, account, AuditAction.TOTP_ENROLLED, RecoveryCode.ISSUED + " recovery codes issued");
            return new Confirmed(List.copyOf(issued), issuer.issue(account));
        });
        if (confirmed == null) {
            database.inTransaction(em -> {
                audit(em, account(em, by), AuditAction.TOTP_CONFIRMATION_FAILED, null);
                return null;
            });
            throw new InvalidValueException(
                    "otp",
                    "is not the code the authenticator app shows now; check the phone's clock and try the next one");
        }
        return confirmed;
    }

    public Status status(Caller by) {
        return database.read(em -> {
            TotpEnrolment e = em.find(TotpEnrolment.class, by.accountId());
            boolean enrolled = e != null && e.confirmed();
            return new Status(
                    enrolled,
                    enrolled ? e.confirmedAt() : null,
                    enrolled ? unusedRecoveryCodes(em, by.accountId()) : 0);
        });
    }

    /**
     * Inside the sign-in's transaction, once the password was right: whether the second factor is
     * satisfied. A code or recovery code that matches is used up here.
     */
    Check check(EntityManager em, Account account, String otp, Instant now) {
        TotpEnrolment enrolment = em.find(TotpEnrolment.class, account.id());
        boolean given = otp != null && !otp.isBlank();
        if (enrolment == null || !enrolment.confirmed()) {
            return given ? Check.WRONG : Check.NOT_ENROLLED;
        }
        if (!given) {
            return Check.MISSING;
        }
        if (RecoveryCode.looksLikeOne(otp)) {
            RecoveryCode rc = em.find(RecoveryCode.class, new RecoveryCode.Key(account.id(), RecoveryCode.hash(otp)));
            if (rc == null || rc.used()) {
                return Check.WRONG;
            }
            rc.use(now);
            return Check.ACCEPTED_RECOVERY_CODE;
        }
        return use(enrolment, otp, now) ? Check.ACCEPTED_CODE : Check.WRONG;
    }

    long unusedRecoveryCodes(EntityManager em, String accountId) {
        return em.createQuery(
                        "select count(c) from RecoveryCode c where c.accountId = :a and c.usedAt is null", Long.class)
                .setParameter("a", accountId)
                .getSingleResult();
    }

    private boolean use(TotpEnrolment enrolment, String code, Instant now) {
        byte[] secret = secrets.unwrap(enrolment.accountId(), enrolment.secretWrapped());
        try {
            return enrolment.use(code, secret, now, codes);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static Account account(EntityManager em, Caller by) {
        return new AccountRepository(em)
                .byId(by.accountId())
                .orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer"));
    }

    private void audit(EntityManager em, Account account, AuditAction action, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), account.id(), action, "account", account.id())
                        .withDetails(details));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
