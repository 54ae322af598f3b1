package org.lscb.server.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.lscb.exchange.audit.AuditEvent;
import org.lscb.exchange.audit.AuditLog;
import org.lscb.registry.account.Account;
import org.lscb.registry.account.PasswordHasher;
import org.lscb.registry.account.Role;
import org.lscb.registry.account.Username;
import org.lscb.registry.account.internal.JpaAccountRepository;
import org.lscb.registry.organisation.internal.JpaOrganisationRepository;
import org.lscb.registry.persistence.Database;
import org.lscb.registry.value.InvalidValueException;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;

/** Creates and lists accounts; who may grant which role is decided here and audited. */
@ApplicationScoped
public class AccountService {

    /** Roles only an administrator may hand out: they manage people and reviews. */
    static final Set<Role> PRIVILEGED = EnumSet.of(Role.ADMIN, Role.LSCB_OFFICER);
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;

    private Database database;
    private PasswordHasher hasher;
    private Clock clock;

    protected AccountService() {
    }

    @Inject
    public AccountService(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        this.clock = Clock.systemUTC();
    }

    public record NewAccount(Username username, String displayName, Set<Role> roles, String organisationId,
                             char[] password) {
    }

    public Account create(Caller by, NewAccount request) {
        if (!by.has(Role.ADMIN) && request.roles().stream().anyMatch(PRIVILEGED::contains)) {
            throw new ForbiddenException("only an administrator may grant " + PRIVILEGED);
        }
        String hash = null;
        if (request.password() != null) {
            if (request.password().length < MIN_PASSWORD || request.password().length > MAX_PASSWORD) {
                throw new InvalidValueException("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
            }
            hash = hasher.hash(request.password());
        }
        String passwordHash = hash;
        try {
            return insert(by, request, passwordHash);
        } catch (jakarta.persistence.PersistenceException e) {
            // the same username created at the same moment by another request: the unique key refused this one
            if (database.read(em -> new JpaAccountRepository(em).byUsername(request.username())).isPresent()) {
                throw new InvalidValueException("username", "is taken");
            }
            throw e;
        }
    }

    private Account insert(Caller by, NewAccount request, String passwordHash) {
        return database.inTransaction(em -> {
            JpaAccountRepository accounts = new JpaAccountRepository(em);
            if (request.organisationId() != null
                    && new JpaOrganisationRepository(em).byId(request.organisationId()).isEmpty()) {
                throw new InvalidValueException("organisationId", "names no organisation");
            }
            if (accounts.byUsername(request.username()).isPresent()) {
                throw new InvalidValueException("username", "is taken");
            }
            Account a = new Account(request.username(), request.displayName(), request.roles(),
                    request.organisationId(), passwordHash, clock.instant());
            accounts.add(a);
            new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "ACCOUNT_CREATED", "account", a.id())
                    .withDetails("username=" + a.username() + " roles=" + a.roles()));
            return a;
        });
    }

    public Optional<Account> find(String id) {
        return database.read(em -> new JpaAccountRepository(em).byId(id));
    }

    public Page<Account> list(int page, int size) {
        return database.read(em -> {
            JpaAccountRepository repo = new JpaAccountRepository(em);
            return new Page<>(repo.count(), repo.page(page * size, size));
        });
    }
}
