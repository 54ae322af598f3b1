package org.lscb.server.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The synchronizer token of a browser session (OWASP's CSRF pattern): 256 random bits made when the
 * session starts, put in a hidden field of every form, and compared in constant time on every post.
 * SameSite=Strict on the session cookie already keeps other sites' posts from carrying the session; the
 * token also covers browsers that ignore SameSite and a page of another origin on the same site.
 */
public final class CsrfTokens {

    /** The hidden field every form carries. */
    public static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {}

    static String fresh() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a posted token is the session's own; false when either is missing. */
    static boolean matches(String sessionToken, String posted) {
        if (sessionToken == null || posted == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sessionToken.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }
}
