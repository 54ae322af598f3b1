package org.lscb.server.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lscb.server.error.BodyTooLargeException;

/**
 * Refuses, before any page resource runs, every post to the web pages that does not carry its browser
 * session's CSRF token ({@link SessionTokens}) in a URL-encoded form: a missing token, another session's, or
 * no session at all is 403 and nothing changes. The form is read here and handed on unchanged.
 */
@Provider
public class CsrfFilter implements ContainerRequestFilter {

    /** Page forms are a few fields; a larger body is not one of ours. */
    static final int MAX_FORM_BYTES = 256 * 1024;

    @Context
    HttpServletRequest request;

    private BrowserSessions sessions;

    protected CsrfFilter() {}

    @Inject
    public CsrfFilter(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (!"POST".equals(ctx.getMethod())) {
            return;
        }
        MediaType type = ctx.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new ForbiddenException("a page accepts only its own forms");
        }
        byte[] body = readCapped(ctx.getEntityStream());
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String posted = field(new String(body, StandardCharsets.US_ASCII), SessionTokens.FIELD)
                .orElse(null);
        String expected =
                sessions.existing(request).map(BrowserSession::csrfToken).orElse(null);
        if (!SessionTokens.matches(expected, posted)) {
            throw new ForbiddenException("the form did not come from this session's page");
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw new BodyTooLargeException(MAX_FORM_BYTES);
        }
        return body;
    }

    /** The first value of a field of a URL-encoded form. */
    static Optional<String> field(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
