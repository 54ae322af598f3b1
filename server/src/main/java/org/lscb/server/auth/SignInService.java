package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.LoginThrottle;
import org.lscb.identity.account.LoginThrottlePolicy;
import org.lscb.identity.account.PasswordHasher;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;

/**
 * Signs in local accounts: password, then the one-time code where the account has a second factor.
 * Unknown names, accounts without a local password and wrong passwords take the same time (each runs
 * Argon2) and get the same answer. Failures are counted per name and client address together: they are
 * slowed and then locked for that client only, so nobody can lock an officer out by guessing from
 * elsewhere. How long to hold a refusal is returned, not slept, so that no request thread waits.
 * Every attempt is audited.
 */
@ApplicationScoped
public class SignInService {

    /** Throttle key for anything that cannot be a username at all. */
    private static final String UNUSABLE_NAME = "~unusable";

    private Database database;
    private PasswordHasher hasher;
    private TokenIssuer issuer;
    private TwoFactorService twoFactor;
    private MetricRegistry metrics;
    private LoginThrottlePolicy policy;
    private Clock clock;

    protected SignInService() {}

    @Inject
    public SignInService(
            Database database,
            PasswordHasher hasher,
            TokenIssuer issuer,
            TwoFactorService twoFactor,
            @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.database = database;
        this.hasher = hasher;
        this.issuer = issuer;
        this.twoFactor = twoFactor;
        this.metrics = metrics;
        this.policy = LoginThrottlePolicy.standard();
        this.clock = Clock.systemUTC();
    }

    /**
     * What a sign-in came to: a token (a full one, or one that can only set up two-factor sign-in), or a
     * refusal to answer after {@code delay}.
     */
    public record Outcome(
            TokenIssuer.IssuedToken token, boolean enrolmentOnly, SignInRefusedException refusal, Duration delay) {}

    public Outcome signIn(String typedName, char[] password, String otp, String clientAddress) {
        Verdict v = check(typedName, password, otp, clientAddress);
        if (v.refusal() != null) {
            return new Outcome(null, false, v.refusal(), v.delay());
        }
        return v.enrolmentOnly()
                ? new Outcome(issuer.issueForEnrolment(v.account()), true, null, Duration.ZERO)
                : new Outcome(issuer.issue(v.account()), false, null, Duration.ZERO);
    }

    /**
     * What a sign-in attempt came to, before anything is issued for it: the account signed in (perhaps only to set
     * up two-factor sign-in), or a refusal to answer after {@code delay}. {@link SignInRefusedException#otpRequired()}
     * is the refusal when the password was right and the account's one-time code is still to come; the account is
     * then named too, and must not be shown to whoever typed the password until the code is right.
     */
    public record Verdict(Account account, boolean enrolmentOnly, SignInRefusedException refusal, Duration delay) {

        public boolean needsCode() {
            return refusal != null && refusal.asksForOtp();
        }
    }

    /** Checks a password (and a one-time code, where given): the API's token and the browser's session both start here. */
    public Verdict check(String typedName, char[] password, String otp, String clientAddress) {
        try {
            Optional<Username> name = Username.parseLogin(typedName);
            String loginName = name.map(Username::value).orElse(UNUSABLE_NAME);
            Attempt attempt = attemptWithRetry(
                    LoginThrottle.keyFor(loginName, clientAddress), loginName, name, password, otp, clientAddress);
            return verdict(attempt);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Checks the one-time code of an account whose password this same browser session has just had right: the
     * browser asks for the code on a second page and never keeps the password. Throttled, locked and audited as a
     * whole sign-in is.
     */
    public Verdict checkCode(String accountId, String otp, String clientAddress) {
        Optional<Account> account = database.read(em -> new AccountRepository(em).byId(accountId));
        if (account.isEmpty()) {
            return verdict(Attempt.failed(Duration.ZERO));
        }
        String loginName = account.get().username().value();
        String key = LoginThrottle.keyFor(loginName, clientAddress);
        Instant now = clock.instant();
        Optional<Instant> locked = database.read(
                em -> Optional.ofNullable(em.find(LoginThrottle.class, key)).flatMap(t -> t.lockedAt(now)));
        if (locked.isPresent()) {
            return verdict(Attempt.locked(locked.get()));
        }
        try {
            return verdict(database.inTransaction(em -> record(em, key, loginName, accountId, otp, clientAddress)));
        } catch (PersistenceException firstFailureForKeyRaced) {
            return verdict(database.inTransaction(em -> record(em, key, loginName, accountId, otp, clientAddress)));
        }
    }

    private Verdict verdict(Attempt attempt) {
        if (attempt.lockedUntil != null) {
            metrics.counter("lscb_sign_in_locked_total").inc();
            return refused(
                    SignInRefusedException.locked(Duration.between(clock.instant(), attempt.lockedUntil)),
                    Duration.ZERO);
        }
        if (attempt.otpRequired) {
            // the account is named for the browser's code page only; the API answers the refusal alone
            return new Verdict(attempt.account, false, SignInRefusedException.otpRequired(), Duration.ZERO);
        }
        if (attempt.account == null) {
            metrics.counter("lscb_sign_in_failed_total").inc();
            return refused(SignInRefusedException.wrong(), attempt.delay);
        }
        metrics.counter("lscb_sign_in_succeeded_total").inc();
        return new Verdict(attempt.account, attempt.enrolmentOnly, null, Duration.ZERO);
    }

    private static Verdict refused(SignInRefusedException e, Duration delay) {
        return new Verdict(null, false, e, delay);
    }

    /**
     * Argon2 runs outside any transaction: a sign-in holds a database connection only for two short reads and
     * one short write, so a flood of sign-ins cannot drain the pool that every other request needs.
     */
    private Attempt attemptWithRetry(
            String key, String loginName, Optional<Username> name, char[] password, String otp, String from) {
        Instant now = clock.instant();
        Optional<Instant> locked = database.read(
                em -> Optional.ofNullable(em.find(LoginThrottle.class, key)).flatMap(t -> t.lockedAt(now)));
        if (locked.isPresent()) {
            database.inTransaction(em -> new AuditLog(em)
                    .append(AuditEvent.of(now, loginName, AuditAction.SIGN_IN_LOCKED, "login", loginName)
                            .withDetails("from " + from)));
            return Attempt.locked(locked.get());
        }
        Optional<Account> account = name.flatMap(n -> database.read(em -> new AccountRepository(em).byUsername(n)));
        boolean passwordRight;
        if (account.isPresent()) {
            // an account without a local password costs the same Argon2 as a wrong password (Account.passwordMatches)
            passwordRight = account.get().passwordMatches(password, hasher);
        } else {
            hasher.verifyAgainstNothing(password);
            passwordRight = false;
        }
        String accountId = passwordRight ? account.get().id() : null;
        try {
            return database.inTransaction(em -> record(em, key, loginName, accountId, otp, from));
        } catch (PersistenceException firstFailureForKeyRaced) {
            // two first failures for the same new key raced to insert its throttle row; the row exists now
            return database.inTransaction(em -> record(em, key, loginName, accountId, otp, from));
        }
    }

    /** Records the attempt: {@code accountId} is the account whose password was right, or null when it was not. */
    private Attempt record(EntityManager em, String key, String loginName, String accountId, String otp, String from) {
        Instant now = clock.instant();
        AuditLog audit = new AuditLog(em);
        LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        Optional<Instant> locked = throttle == null ? Optional.empty() : throttle.lockedAt(now);
        if (locked.isPresent()) {
            // locked by a failure from the same client while this password was being checked
            audit.append(AuditEvent.of(now, loginName, AuditAction.SIGN_IN_LOCKED, "login", loginName)
                    .withDetails("from " + from));
            return Attempt.locked(locked.get());
        }
        String why = "wrong password";
        Account a = accountId == null
                ? null
                : new AccountRepository(em).byId(accountId).orElse(null);
        if (a != null) {
            TwoFactorService.Check second = twoFactor.check(em, a, otp, now);
            switch (second) {
                case MISSING -> {
                    audit.append(AuditEvent.of(now, a.id(), AuditAction.SIGN_IN_NEEDS_OTP, "account", a.id())
                            .withDetails("from " + from));
                    return Attempt.otpNeeded(a);
                }
                case WRONG -> why = "wrong one-time code";
                default -> {
                    if (throttle != null) {
                        throttle.recordSuccess();
                    }
                    boolean enrolmentOnly =
                            second == TwoFactorService.Check.NOT_ENROLLED && Role.anyNeedsSecondFactor(a.roles());
                    audit.append(AuditEvent.of(now, a.id(), AuditAction.SIGN_IN_SUCCEEDED, "account", a.id())
                            .withDetails("from " + from + ", "
                                    + switch (second) {
                                        case ACCEPTED_CODE -> "with a one-time code";
                                        case ACCEPTED_RECOVERY_CODE ->
                                            "with a recovery code, " + twoFactor.unusedRecoveryCodes(em, a.id())
                                                    + " left";
                                        default ->
                                            enrolmentOnly ? "only to set up two-factor sign-in" : "password only";
                                    }));
                    return Attempt.signedIn(a, enrolmentOnly);
                }
            }
        }
        if (throttle == null) {
            throttle = new LoginThrottle(key);
            em.persist(throttle);
        }
        Duration delay = throttle.delayBeforeAnswer(policy);
        throttle.recordFailure(now, policy);
        audit.append(AuditEvent.of(now, loginName, AuditAction.SIGN_IN_FAILED, "login", loginName)
                .withDetails(why.equals("wrong password") ? "from " + from : "from " + from + ", " + why));
        return Attempt.failed(delay);
    }

    private record Attempt(
            Account account, boolean enrolmentOnly, boolean otpRequired, Duration delay, Instant lockedUntil) {
        static Attempt locked(Instant until) {
            return new Attempt(null, false, false, Duration.ZERO, until);
        }

        static Attempt otpNeeded(Account a) {
            return new Attempt(a, false, true, Duration.ZERO, null);
        }

        static Attempt signedIn(Account a, boolean enrolmentOnly) {
            return new Attempt(a, enrolmentOnly, false, Duration.ZERO, null);
        }

        static Attempt failed(Duration delay) {
            return new Attempt(null, false, false, delay, null);
        }
    }
}
