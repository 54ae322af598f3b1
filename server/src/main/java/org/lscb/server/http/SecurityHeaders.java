package org.lscb.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers a response carries, kept in one place. {@link #API} is the policy of everything
 * this server answers: JSON, YAML, Prometheus text and envelope bytes, none of which a browser
 * should render, run scripts from, frame, cache or send a referrer from. A web UI will need its own
 * policy here beside it (a {@code default-src 'self'} Content-Security-Policy and caching rules for
 * its static files), chosen by path in {@link SecurityHeadersFilter}.
 */
public final class SecurityHeaders {

    /** Forbids everything: nothing served by the API is a page. */
    public static final SecurityHeaders API =
            new SecurityHeaders("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

    private final Map<String, String> headers;

    private SecurityHeaders(String contentSecurityPolicy) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", contentSecurityPolicy);
        // the older spelling of frame-ancestors 'none', for clients that know only it
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        // tokens, case data and audit entries must not linger in browser or proxy caches
        h.put("Cache-Control", "no-store");
        this.headers = Collections.unmodifiableMap(h);
    }

    /** Sets every header of the policy, replacing a value already set. */
    public void applyTo(BiConsumer<String, String> setHeader) {
        headers.forEach(setHeader);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
