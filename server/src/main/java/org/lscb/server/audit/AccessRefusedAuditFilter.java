package org.lscb.server.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;

/**
 * docs/security.md: a request outside the access policy is audited. Every 403 to a signed-in caller (a role
 * that may not call the endpoint, or a relation to a review that does not allow the action) becomes an
 * {@code ACCESS_REFUSED} entry naming the caller, the method and the path. Refusals that answer 404 are
 * audited where they are decided, because only there is it known that the object exists.
 */
@Provider
public class AccessRefusedAuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AccessRefusedAuditFilter.class.getName());

    @Inject
    Database database;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 403
                || request.getSecurityContext() == null
                || request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        record(
                database,
                request.getSecurityContext().getUserPrincipal().getName(),
                request.getMethod(),
                request.getUriInfo().getPath());
    }

    /**
     * Appends the {@code ACCESS_REFUSED} entry; also used for refusals outside JAX-RS ({@code /metrics}). The actor
     * is the account id of the signed-in name, as in every other entry, so that a board's audit view finds its own people.
     */
    public static void record(Database database, String name, String method, String path) {
        try {
            database.inTransaction(em -> {
                String who = org.lscb.identity.account.Username.parseLogin(name)
                        .flatMap(u -> new org.lscb.identity.account.AccountRepository(em).byUsername(u))
                        .map(org.lscb.identity.account.Account::id)
                        .orElse(name);
                return new AuditLog(em)
                        .append(AuditEvent.of(
                                Clock.systemUTC().instant(),
                                who,
                                AuditAction.ACCESS_REFUSED,
                                "request",
                                method + " " + path));
            });
        } catch (RuntimeException e) {
            // the refusal itself stands whatever happens to its record
            LOG.log(Level.WARNING, "could not audit a refused request", e);
        }
    }
}
