package org.lscb.server.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.ConfusableNames;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.BrowserSignInRepository;
import org.lscb.identity.account.PasswordHasher;
import org.lscb.identity.account.PasswordPolicy;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.BoardReach;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;
import org.lscb.server.organisation.BoardReaches;

/**
 * Creates, reads and lists accounts. An administrator manages every account; an LSCB officer only those of
 * the organisations their board covers ({@link BoardReach}): anything else answers as if it did not exist,
 * and the attempt is audited. Who may grant which role is decided here too.
 */
@ApplicationScoped
public class AccountService {

    /**
     * Roles only an administrator may hand out: they manage people and reviews, or decide them. The Chair is
     * among them so that no officer can make themselves (or a colleague) the one who decides what officers
     * prepare [7, 18].
     */
    static final Set<Role> PRIVILEGED = EnumSet.of(Role.ADMIN, Role.LSCB_OFFICER, Role.LSCB_CHAIR);

    private Database database;
    private PasswordHasher hasher;
    private Clock clock;

    protected AccountService() {}

    @Inject
    public AccountService(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        this.clock = Clock.systemUTC();
    }

    /**
     * A new account. {@code password} is null exactly when {@code externalSignIn} is true: an account signs in
     * either with its own password or only through the external identity provider, and says which.
     */
    public record NewAccount(
            Username username,
            String displayName,
            Set<Role> roles,
            String organisationId,
            char[] password,
            boolean externalSignIn) {}

    public Account create(Caller by, NewAccount request) {
        if (!by.has(Role.ADMIN) && request.roles().stream().anyMatch(PRIVILEGED::contains)) {
            throw new ForbiddenException("only an administrator may grant " + PRIVILEGED);
        }
        if (request.password() == null && !request.externalSignIn()) {
            throw new InvalidValueException(
                    "password",
                    "is required, unless externalSignIn is true for an account that signs in only"
                            + " through the external identity provider");
        }
        if (request.password() != null && request.externalSignIn()) {
            throw new InvalidValueException(
                    "password",
                    "must be absent for an account that signs in only through the external identity provider");
        }
        if (!by.has(Role.ADMIN) && request.organisationId() == null) {
            throw new InvalidValueException("organisationId", "is required: the organisation the person acts for");
        }
        String hash = null;
        if (request.password() != null) {
            PasswordPolicy.standard()
                    .check(request.password(), request.username().value());
            hash = hasher.hash(request.password());
        }
        String passwordHash = hash;
        try {
            return insert(by, request, passwordHash);
        } catch (jakarta.persistence.PersistenceException e) {
            // the same username created at the same moment by another request: the unique key refused this one
            if (database.read(em -> new AccountRepository(em).byUsername(request.username()))
                    .isPresent()) {
                throw new InvalidValueException("username", "is taken");
            }
            throw e;
        }
    }

    private Account insert(Caller by, NewAccount request, String passwordHash) {
        return database.inTransaction(em -> {
            BoardReach reach = BoardReaches.of(em, by);
            if (request.organisationId() != null && !reach.covers(request.organisationId())) {
                throw refused(by, "account creation in organisation " + request.organisationId());
            }
            AccountRepository accounts = new AccountRepository(em);
            if (request.organisationId() != null
                    && new OrganisationRepository(em)
                            .byId(request.organisationId())
                            .isEmpty()) {
                throw new InvalidValueException("organisationId", "names no organisation");
            }
            if (accounts.byUsername(request.username()).isPresent()) {
                throw new InvalidValueException("username", "is taken");
            }
            if (request.displayName() != null
                    && accounts.displayNames().stream()
                            .anyMatch(existing -> ConfusableNames.imitates(
                                    request.displayName().strip(), existing))) {
                throw new InvalidValueException(
                        "displayName",
                        "looks confusingly like the name of an existing account;"
                                + " choose a name people can tell apart");
            }
            Account a = new Account(
                    request.username(),
                    request.displayName(),
                    request.roles(),
                    request.organisationId(),
                    passwordHash,
                    clock.instant());
            accounts.add(a);
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(), by.accountId(), AuditAction.ACCOUNT_CREATED, "account", a.id())
                            .withDetails("username=" + a.username() + " roles=" + a.roles() + " organisation="
                                    + a.organisationId() + (passwordHash == null ? " external sign-in only" : "")));
            return a;
        });
    }

    /** The account, if it is in the caller's reach; otherwise 404, audited. */
    public Account find(Caller by, String id) {
        return database.read(em -> {
            Account a = new AccountRepository(em).byId(id).orElseThrow(NotFoundException::new);
            if (!BoardReaches.of(em, by).covers(a.organisationId())) {
                throw refused(by, "account " + a.id());
            }
            return a;
        });
    }

    /** An account and whether its two-factor sign-in is set up (and since when), for the page that may reset it. */
    public record Summary(Account account, boolean secondFactor, java.time.Instant secondFactorSince) {}

    /** The account with its second factor's state, if the account is in the caller's reach (as {@link #find}). */
    public Summary summary(Caller by, String id) {
        Account a = find(by, id);
        return database.read(em -> {
            org.lscb.identity.account.TotpEnrolment e = em.find(org.lscb.identity.account.TotpEnrolment.class, a.id());
            boolean set = e != null && e.confirmed();
            return new Summary(a, set, set ? e.confirmedAt() : null);
        });
    }

    /**
     * Removes an account's second factor and recovery codes, for someone who lost both phone and codes: their
     * next sign-in with the password sets it up again (and, for a role that needs it, can do nothing else).
     * Every browser still signed in to the account is signed out, on every server (docs/security.md W3): whoever
     * has the lost phone may have a signed-in browser too. An administrator resets anyone's; an officer those of the accounts in their board's reach whose roles an
     * officer may grant. Audited.
     */
    public void resetSecondFactor(Caller by, String id) {
        Account a = find(by, id);
        if (!by.has(Role.ADMIN) && a.roles().stream().anyMatch(PRIVILEGED::contains)) {
            throw new ForbiddenException(
                    "only an administrator resets the second factor of an administrator, officer or Chair");
        }
        database.inTransaction(em -> {
            int removed = em.createQuery("delete from TotpEnrolment t where t.accountId = :a")
                    .setParameter("a", a.id())
                    .executeUpdate();
            em.createQuery("delete from RecoveryCode c where c.accountId = :a")
                    .setParameter("a", a.id())
                    .executeUpdate();
            if (removed == 0) {
                throw new NotFoundException();
            }
            int signedOut = new BrowserSignInRepository(em).endAllOf(a.id(), clock.instant());
            new AuditLog(em)
                    .append(AuditEvent.of(clock.instant(), by.accountId(), AuditAction.TOTP_RESET, "account", a.id())
                            .withDetails("second factor and recovery codes removed, " + signedOut
                                    + " browser sign-ins ended"));
            return null;
        });
    }

    /** The accounts in the caller's reach, by username. */
    public Page<Account> list(Caller by, int page, int size) {
        return database.read(em -> {
            AccountRepository repo = new AccountRepository(em);
            BoardReach reach = BoardReaches.of(em, by);
            if (reach.isEverything()) {
                return new Page<>(repo.count(), repo.page(page * size, size));
            }
            Set<String> orgs = reach.organisations();
            return new Page<>(repo.countIn(orgs), repo.pageIn(orgs, page * size, size));
        });
    }

    /** docs/security.md: no one let in, and audited; in a transaction of its own, as the caller's rolls back. */
    private NotFoundException refused(Caller by, String what) {
        database.inTransaction(em -> {
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.ACCOUNT_ACCESS_REFUSED,
                                    "account",
                                    null)
                            .withDetails(what + " is outside the caller's board"));
            return null;
        });
        return new NotFoundException();
    }
}
