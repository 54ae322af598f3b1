package org.lscb.server.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotAuthorizedException;
import java.io.IOException;
import java.util.Optional;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Role;
import org.lscb.server.audit.AccessRefusedAuditFilter;
import org.lscb.server.auth.Caller;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.config.ScrapeToken;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorBodies;
import org.lscb.server.error.ErrorResponses;

/**
 * {@code /metrics} (served by Payara inside this application's context) answers only an administrator's
 * bearer token, or the scraper's {@link ScrapeToken} when one is configured. No credentials: 401; a
 * signed-in account that is not an administrator (as the database knows it now): 403, audited like
 * any refused request. Mapped in web.xml to {@code /metrics} and {@code /metrics/*}.
 */
public class MetricsAccessFilter extends HttpFilter {

    @Inject
    ServerConfig config;

    @Inject
    CallerResolver callers;

    @Inject
    Database database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<ScrapeToken> scrapeToken = config.metricsToken();
        if (scrapeToken.isPresent() && scrapeToken.get().matchesAuthorization(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = request.getUserPrincipal() == null ? null : callerOrNull();
        if (caller == null) {
            response.setHeader(
                    "WWW-Authenticate", scrapeToken.isPresent() ? "Bearer, Basic realm=\"metrics\"" : "Bearer");
            ErrorBodies.write(
                    response,
                    401,
                    ApiError.of(
                            "unauthorized", "an administrator's bearer token or the metrics scrape token is required"));
            return;
        }
        if (!caller.has(Role.ADMIN)) {
            AccessRefusedAuditFilter.record(
                    database, request.getUserPrincipal().getName(), request.getMethod(), request.getRequestURI());
            ErrorBodies.write(response, 403, ApiError.of("forbidden", ErrorResponses.sentence(403)));
            return;
        }
        chain.doFilter(request, response);
    }

    private Caller callerOrNull() {
        try {
            return callers.caller();
        } catch (NotAuthorizedException accountGone) {
            return null;
        }
    }
}
