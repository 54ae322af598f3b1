package org.lscb.server.auth;

import java.util.Set;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.Role;

/** The signed-in account behind a request, as the database knows it now. */
public record Caller(String accountId, String username, String displayName, Set<Role> roles, String organisationId) {

    public static Caller of(Account a) {
        return new Caller(a.id(), a.username().value(), a.displayName(), a.roles(), a.organisationId());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
