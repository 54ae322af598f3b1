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
import org.lscb.exchange.audit.AuditEvent;
import org.lscb.exchange.audit.AuditLog;
import org.lscb.registry.account.Account;
import org.lscb.registry.account.LoginThrottle;
import org.lscb.registry.account.LoginThrottlePolicy;
import org.lscb.registry.account.PasswordHasher;
import org.lscb.registry.account.Username;
import org.lscb.registry.account.internal.JpaAccountRepository;
import org.lscb.registry.persistence.Database;

/**
 * Signs in local accounts. Unknown names and wrong passwords take the same time and get the same
 * answer; repeated failures for a name are slowed and then locked, whether or not the name exists.
 * Every attempt is audited.
 */
@ApplicationScoped
public class SignInService {

    /** Throttle key for anything that cannot be a username at all. */
    private static final String UNUSABLE_NAME = "~unusable";

    private Database database;
    private PasswordHasher hasher;
    private TokenIssuer issuer;
    private MetricRegistry metrics;
    private LoginThrottlePolicy policy;
    private Clock clock;

    protected SignInService() {
    }

    @Inject
    public SignInService(Database database, PasswordHasher hasher, TokenIssuer issuer,
                         @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.database = database;
        this.hasher = hasher;
        this.issuer = issuer;
        this.metrics = metrics;
        this.policy = LoginThrottlePolicy.standard();
        this.clock = Clock.systemUTC();
    }

    public TokenIssuer.IssuedToken signIn(String typedName, char[] password) {
        try {
            Optional<Username> name = Username.parseLogin(typedName);
            String key = name.map(Username::value).orElse(UNUSABLE_NAME);
            Attempt attempt = attemptWithRetry(key, name, password);
            if (attempt.lockedUntil != null) {
                metrics.counter("lscb_sign_in_locked_total").inc();
                throw new SignInRefusedException(Duration.between(clock.instant(), attempt.lockedUntil));
            }
            if (attempt.account == null) {
                metrics.counter("lscb_sign_in_failed_total").inc();
                pause(attempt.delay);
                throw new SignInRefusedException(null);
            }
            metrics.counter("lscb_sign_in_succeeded_total").inc();
            return issuer.issue(attempt.account);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Attempt attemptWithRetry(String key, Optional<Username> name, char[] password) {
        try {
            return database.inTransaction(em -> attempt(em, key, name, password));
        } catch (PersistenceException firstAttemptForNameRaced) {
            // two first failures for the same new name raced to insert its throttle row; the row exists now
            return database.inTransaction(em -> attempt(em, key, name, password));
        }
    }

    private Attempt attempt(EntityManager em, String key, Optional<Username> name, char[] password) {
        Instant now = clock.instant();
        AuditLog audit = new AuditLog(em);
        LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        Optional<Instant> locked = throttle == null ? Optional.empty() : throttle.lockedAt(now);
        if (locked.isPresent()) {
            audit.append(AuditEvent.of(now, key, "SIGN_IN_LOCKED", "login", key));
            return new Attempt(null, Duration.ZERO, locked.get());
        }
        Optional<Account> account = name.flatMap(n -> new JpaAccountRepository(em).byUsername(n));
        boolean ok;
        if (account.isPresent()) {
            ok = account.get().passwordMatches(password, hasher);
        } else {
            hasher.verifyAgainstNothing(password);
            ok = false;
        }
        if (ok) {
            if (throttle != null) {
                throttle.recordSuccess();
            }
            audit.append(AuditEvent.of(now, account.get().id(), "SIGN_IN_SUCCEEDED", "account", account.get().id()));
            return new Attempt(account.get(), Duration.ZERO, null);
        }
        if (throttle == null) {
            throttle = new LoginThrottle(key);
            em.persist(throttle);
        }
        Duration delay = throttle.delayBeforeAnswer(policy);
        throttle.recordFailure(now, policy);
        audit.append(AuditEvent.of(now, key, "SIGN_IN_FAILED", "login", key));
        return new Attempt(null, delay, null);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Attempt(Account account, Duration delay, Instant lockedUntil) {
    }
}
