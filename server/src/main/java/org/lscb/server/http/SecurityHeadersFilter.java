package org.lscb.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts the {@link SecurityHeaders} for the path on every response of the application: the API, the error pages the
 * container dispatches to (401 from the token check, 404, 405, ...), and what Payara serves inside this
 * application's context ({@code /health}, {@code /metrics}, {@code /openapi}). Mapped in web.xml to
 * {@code /*} for every dispatcher type, first in the chain. The headers are set before the request goes
 * on, so that they are there however the response is committed, and again after a reset.
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders policy = SecurityHeaders.forPath(pathOf(request));
        policy.applyTo(response::setHeader);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void reset() {
                super.reset();
                policy.applyTo(response::setHeader);
            }
        });
    }

    /** The path asked for: on an error dispatch, the original request's, not the error page's. */
    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri == null ? "/" : uri;
    }
}
