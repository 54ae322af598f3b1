package org.lscb.server.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values a browser session holds, 256 bits each, compared in constant time: its CSRF token and,
 * once signed in, its key ({@link BrowserSession#KEY_COOKIE}). The CSRF token is OWASP's synchronizer token:
 * made when the session starts, put in a hidden field of every form and checked on every post. SameSite=Strict
 * on the session cookie already keeps other sites' posts from carrying the session; the token also covers
 * browsers that ignore SameSite and a page of another origin on the same site.
 */
public final class SessionTokens {

    /** The hidden field every form carries the CSRF token in. */
    public static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {}

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
