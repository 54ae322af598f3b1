package org.lscb.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers a response carries, kept in one place and chosen by path in {@link
 * SecurityHeadersFilter}. {@link #API} is the policy of the API and the operational endpoints: JSON, YAML,
 * Prometheus text and envelope bytes, none of which a browser should render, run scripts from, frame,
 * cache or send a referrer from. {@link #PAGE} is the web pages': everything from this origin only, no
 * inline script or style, no framing, forms posted only here (docs/security.md "Web pages").
 */
public final class SecurityHeaders {

    /** Forbids everything: nothing served by the API is a page. */
    public static final SecurityHeaders API =
            new SecurityHeaders("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

    /**
     * The web pages' policy. {@code script-src 'self'} without {@code 'unsafe-inline'} blocks any script an
     * escaping mistake could let into a page; the one inline script allowed is the pages' import map, named by
     * its digest. {@code form-action 'self'} stops a page being made to post a session's form elsewhere.
     */
    public static final SecurityHeaders PAGE = new SecurityHeaders("default-src 'none'; script-src 'self' "
            + org.lscb.server.web.assets.Assets.bundled().importMapSource() + "; "
            + "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

    private final Map<String, String> headers;

    private SecurityHeaders(String contentSecurityPolicy) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", contentSecurityPolicy);
        // a browser that knows it runs no script without integrity metadata (the pages give every script theirs,
        // through the element or the import map), so a page whose import map was stripped runs no altered module
        h.put("Integrity-Policy", "blocked-destinations=(script)");
        // the older spelling of frame-ancestors 'none', for clients that know only it
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        // a review's address names the review: it must not leave in a Referer
        h.put("Referrer-Policy", "no-referrer");
        // tokens, case data and audit entries must not linger in browser or proxy caches
        h.put("Cache-Control", "no-store");
        this.headers = Collections.unmodifiableMap(h);
    }

    /** Sets every header of the policy, replacing a value already set. */
    public void applyTo(BiConsumer<String, String> setHeader) {
        headers.forEach(setHeader);
    }

    /** The policy for a request path: the API's for the API and what Payara serves, the pages' for the rest. */
    public static SecurityHeaders forPath(String path) {
        return path.startsWith("/api/")
                        || path.equals("/api")
                        || path.startsWith("/health")
                        || path.startsWith("/metrics")
                        || path.startsWith("/openapi")
                ? API
                : PAGE;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
