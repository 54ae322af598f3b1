package org.lscb.server.web.session;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;

/**
 * What a browser's server-side session holds, by name, over the container's {@link HttpSession}: the
 * signed-in account and the id of its sign-in record, or the account whose password was right and whose
 * one-time code is still to come; the session's CSRF token; and when it was last used. Nothing else is kept in a session: every page reads
 * the account and what it may see afresh, so a role or board removed takes effect on the next request.
 */
public final class BrowserSession {

    static final String ACCOUNT = "lscb.account";
    static final String AWAITING_CODE = "lscb.awaiting-code";
    static final String AWAITING_CODE_SINCE = "lscb.awaiting-code-since";
    static final String ENROLLING = "lscb.enrolling";
    static final String ENROLLING_SINCE = "lscb.enrolling-since";
    static final String CSRF = "lscb.csrf";
    static final String LAST_SEEN = "lscb.last-seen";
    static final String KEY = "lscb.key";
    static final String SIGN_IN = "lscb.sign-in";

    /**
     * The second cookie of a signed-in browser: 256 random bits, made at sign-in and kept in the session, that
     * every request must show beside the session id. The container's session id carries only about 56 random
     * bits (docs/security.md W1); with the key, guessing a live session means guessing 256 more.
     */
    public static final String KEY_COOKIE = "__Host-lscb-key";

    private final HttpSession session;

    BrowserSession(HttpSession session) {
        this.session = session;
    }

    public Optional<String> accountId() {
        return Optional.ofNullable((String) session.getAttribute(ACCOUNT));
    }

    Optional<String> awaitingCode() {
        return Optional.ofNullable((String) session.getAttribute(AWAITING_CODE));
    }

    Optional<Instant> awaitingCodeSince() {
        return Optional.ofNullable((Instant) session.getAttribute(AWAITING_CODE_SINCE));
    }

    Optional<String> enrolling() {
        return Optional.ofNullable((String) session.getAttribute(ENROLLING));
    }

    Optional<Instant> enrollingSince() {
        return Optional.ofNullable((Instant) session.getAttribute(ENROLLING_SINCE));
    }

    public String csrfToken() {
        return (String) session.getAttribute(CSRF);
    }

    /** The Set-Cookie value that gives the browser this session's key, with the session cookie's attributes. */
    public String keyCookie() {
        return KEY_COOKIE + "=" + session.getAttribute(KEY) + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that makes the browser forget the key, when the session ends. */
    public static String forgetKeyCookie() {
        return KEY_COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
    }

    Optional<String> key() {
        return Optional.ofNullable((String) session.getAttribute(KEY));
    }

    /** The id of the sign-in record that says whether this session is still signed in ({@link BrowserSignIns}). */
    Optional<String> signInId() {
        return Optional.ofNullable((String) session.getAttribute(SIGN_IN));
    }

    Optional<Instant> lastSeen() {
        return Optional.ofNullable((Instant) session.getAttribute(LAST_SEEN));
    }

    HttpSession http() {
        return session;
    }
}
