package org.lscb.server.auth;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;

/**
 * Audits and logs bearer tokens that MicroProfile JWT refuses. The refusal happens in the container's
 * authentication step, before any filter of the request: Payara's {@code JWTAuthenticationMechanism} answers
 * {@code sendError(401)} when a presented token fails its {@code SignedJWTIdentityStore}. That 401 comes to the
 * error page, where this filter is mapped (web.xml, ERROR dispatch): a 401 with a bearer credential is a
 * refused token, since a missing token is answered by the API itself.
 *
 * <p>Payara's identity store logs each refusal with a stack trace at INFO; {@link #init()} raises its logger
 * to WARNING, since this filter logs them instead. (Not in {@code pre-boot-commands.asadmin}: a
 * {@code set-log-levels} there reloads Payara's logging and drops its log format.)
 *
 * <p>Each refusal may become one {@code INVALID_TOKEN} audit entry and one log line, at most one per client
 * address a minute ({@link InvalidTokenLimiter}); the next one carries the count of those held back.
 */
public class InvalidTokenAudit extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(InvalidTokenAudit.class.getName());
    /** Held here so that the level set on it stays: the log manager keeps loggers only weakly. */
    private static final Logger PAYARA_JWT_STORE =
            Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock = Clock.systemUTC();
    private final InvalidTokenLimiter limiter = new InvalidTokenLimiter(clock, WINDOW, MAX_ADDRESSES);

    @Inject
    Database database;

    @Inject
    ServerConfig config;

    @Inject
    TokenSigningKeys signingKeys;

    @Override
    public void init() {
        PAYARA_JWT_STORE.setLevel(Level.WARNING);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (Integer.valueOf(401).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            report(request, authorization.substring(7).strip());
        }
        chain.doFilter(request, response);
    }

    private void report(HttpServletRequest request, String token) {
        // behind a trusted TLS proxy every caller has the proxy's address: the client's is in X-Forwarded-For
        String address = ClientAddress.of(request, config.trustedProxies());
        OptionalLong heldBack = limiter.admit(address);
        if (heldBack.isEmpty()) {
            return;
        }
        String target = request.getMethod() + " " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean local = !config.externalIssuer();
        TokenRejection why = TokenRejection.of(
                token,
                local ? Optional.of(config.tokenIssuer()) : Optional.empty(),
                local ? Optional.of(signingKeys.keys().publicKeys()) : Optional.empty(),
                clock.instant());
        String details = "reason: " + why.sentence() + "; held back since the last entry for this address: "
                + heldBack.getAsLong();
        LOG.warning(() ->
                "Refused an invalid bearer token from " + address + " for " + oneLine(target) + ": " + why.sentence()
                        + (heldBack.getAsLong() > 0
                                ? " (" + heldBack.getAsLong() + " more from this address since the last report)"
                                : ""));
        try {
            database.inTransaction(em -> new AuditLog(em)
                    .append(AuditEvent.of(clock.instant(), address, AuditAction.INVALID_TOKEN, "request", target)
                            .withDetails(details)));
        } catch (RuntimeException e) {
            // the 401 stands whatever happens to its record
            LOG.log(Level.WARNING, "could not audit a refused token", e);
        }
    }

    /** The target as the log may print it: no line breaks or other control characters from the caller. */
    private static String oneLine(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
