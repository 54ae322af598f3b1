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
 * session's CSRF token ({@link SessionTokens}) in a URL-encoded form, or as the first field of a file upload's
 * multipart form: a missing token, another session's, or no session at all is 403 and nothing changes. The form is
 * read here (an upload's head only) and handed on unchanged.
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
        String posted;
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            posted = firstPart(ctx, type).orElse(null);
        } else if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] body = readCapped(ctx.getEntityStream());
            ctx.setEntityStream(new ByteArrayInputStream(body));
            posted = field(new String(body, StandardCharsets.US_ASCII), SessionTokens.FIELD)
                    .orElse(null);
        } else {
            throw new ForbiddenException("a page accepts only its own forms");
        }
        String expected =
                sessions.existing(request).map(BrowserSession::csrfToken).orElse(null);
        if (!SessionTokens.matches(expected, posted)) {
            throw new ForbiddenException("the form did not come from this session's page");
        }
    }

    /**
     * A file upload's token: its form puts the token first, and browsers send fields in the form's order, so only
     * the head of the body is read (and handed on with the rest); the files are never held here.
     */
    private static Optional<String> firstPart(ContainerRequestContext ctx, MediaType type) throws IOException {
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            return Optional.empty();
        }
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(ctx.getEntityStream(), MULTIPART_HEAD);
        in.mark(MULTIPART_HEAD);
        byte[] head = in.readNBytes(MULTIPART_HEAD);
        in.reset();
        ctx.setEntityStream(in);
        return multipartField(new String(head, StandardCharsets.ISO_8859_1), boundary, SessionTokens.FIELD);
    }

    /** How much of a multipart body is read for its first part. */
    static final int MULTIPART_HEAD = 4096;

    /** The value of the first part of a multipart body when that part is the field {@code name}. */
    static Optional<String> multipartField(String head, String boundary, String name) {
        String start = "--" + boundary + "\r\n";
        if (!head.startsWith(start)) {
            return Optional.empty();
        }
        int headersEnd = head.indexOf("\r\n\r\n", start.length());
        if (headersEnd < 0) {
            return Optional.empty();
        }
        String headers = head.substring(start.length(), headersEnd);
        if (!headers.matches("(?is)content-disposition:\\s*form-data;\\s*name=\"" + name + "\"\\s*")) {
            return Optional.empty();
        }
        int valueEnd = head.indexOf("\r\n--" + boundary, headersEnd + 4);
        return valueEnd < 0 ? Optional.empty() : Optional.of(head.substring(headersEnd + 4, valueEnd));
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
