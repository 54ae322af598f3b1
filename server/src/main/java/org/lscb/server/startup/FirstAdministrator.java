package org.lscb.server.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.PasswordHasher;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.server.config.ServerConfig;

/** On a database without accounts, makes the first administrator from {@code ADMIN_PASSWORD}. */
@ApplicationScoped
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    ServerConfig config;

    @Inject
    Database database;

    @Inject
    PasswordHasher hasher;

    void ensure() {
        if (config.adminPassword().isEmpty()) {
            if (!config.demo() && database.read(em -> new AccountRepository(em).count()) == 0) {
                LOG.warning(
                        "No accounts yet: set ADMIN_PASSWORD (at least 12 characters) to create the first administrator,"
                                + " or start with --demo for fictional demo data.");
            }
            return;
        }
        if (database.read(em -> new AccountRepository(em).count()) > 0) {
            return;
        }
        String password = config.adminPassword().get();
        Username username = new Username(config.adminUsername());
        try {
            org.lscb.identity.account.PasswordPolicy.standard().check(password.toCharArray(), username.value());
        } catch (org.lscb.foundation.value.InvalidValueException e) {
            throw new IllegalStateException("ADMIN_PASSWORD is refused by the password policy: " + e.getMessage(), e);
        }
        String hash = hasher.hash(password.toCharArray());
        database.inTransaction(em -> {
            AccountRepository accounts = new AccountRepository(em);
            if (accounts.count() > 0) {
                return null;
            }
            Clock clock = Clock.systemUTC();
            Account admin = new Account(username, "Administrator", EnumSet.of(Role.ADMIN), null, hash, clock.instant());
            accounts.add(admin);
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(), "system", AuditAction.FIRST_ADMIN_CREATED, "account", admin.id())
                            .withDetails("username=" + username));
            LOG.info(() -> "Created the first administrator '" + username + "'.");
            return null;
        });
    }
}
