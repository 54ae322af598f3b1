package org.lscb.server.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Looks up the account a bearer token names before any resource of the API runs, so that a token whose account is
 * gone is refused ({@code 401}) on every endpoint, not only on those whose resource asks who is calling
 * (docs/security.md "Sign-in and tokens"). The account read is kept for the request, so a resource that asks again
 * reads nothing more. It runs with authentication, before the role checks, so that a token whose account is gone
 * is 401 whatever roles it claims, never a 403 audited against an account that does not exist. Requests without a
 * token (the public library, sign-in) pass untouched.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccountLookupFilter implements ContainerRequestFilter {

    @Inject
    CallerResolver callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null) {
            callers.caller();
        }
    }
}
