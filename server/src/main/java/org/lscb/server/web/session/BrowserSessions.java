package org.lscb.server.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lscb.server.config.ServerConfig;

/**
 * Starts, reads and ends browsers' sessions (docs/security.md "Web pages"). A session id is replaced at
 * every change of who is signed in (no fixation); a session unused for WEB_SESSION_IDLE is over, checked
 * here against the clock as well as by the container; a signed-in session is over as soon as its sign-in
 * record is ended ({@link BrowserSignIns}, read once per request), so signing out on one server signs the
 * browser out on all of them, whatever copies of the session they keep.
 */
@ApplicationScoped
public class BrowserSessions {

    /** How long the one-time code page waits for the code after a right password. */
    static final Duration CODE_PATIENCE = Duration.ofMinutes(5);

    /**
     * How long the two-factor set-up pages wait after a right password: long enough to install an
     * authenticator app and scan the code, short enough that a forgotten browser cannot be used to enrol.
     */
    static final Duration ENROLMENT_PATIENCE = Duration.ofMinutes(15);

    /**
     * The request attribute naming the session whose sign-in record this request has found live, so that the
     * filters and the page of one request read the record once.
     */
    static final String SIGN_IN_CHECKED = "lscb.sign-in-checked";

    private Duration idle;
    private Clock clock;
    private BrowserSignIns signIns;

    protected BrowserSessions() {}

    @Inject
    public BrowserSessions(ServerConfig config, BrowserSignIns signIns) {
        this(config.webSessionIdle(), Clock.systemUTC(), signIns);
    }

    BrowserSessions(Duration idle, Clock clock, BrowserSignIns signIns) {
        this.idle = idle;
        this.clock = clock;
        this.signIns = signIns;
    }

    /**
     * The browser's current session, started if it has none (the sign-in form needs a CSRF token too), and
     * its last use recorded. A session idle for longer than allowed, or whose sign-in was ended, is ended and a
     * fresh one started.
     */
    public BrowserSession current(HttpServletRequest request) {
        HttpSession http = request.getSession(true);
        BrowserSession s = new BrowserSession(http);
        if (endedIfOver(request, s)) {
            http = request.getSession(true);
            s = new BrowserSession(http);
        }
        if (s.csrfToken() == null) {
            http.setAttribute(BrowserSession.CSRF, SessionTokens.fresh());
            http.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
        }
        return used(s);
    }

    /** The browser's session if it has a live one; never starts one. */
    public Optional<BrowserSession> existing(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        if (http == null) {
            return Optional.empty();
        }
        BrowserSession s = new BrowserSession(http);
        if (endedIfOver(request, s)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The password was right and a one-time code is still to come: remember whose, and for how long. */
    public BrowserSession awaitCode(HttpServletRequest request, String accountId) {
        BrowserSession s = restart(request);
        s.http().setAttribute(BrowserSession.AWAITING_CODE, accountId);
        s.http().setAttribute(BrowserSession.AWAITING_CODE_SINCE, clock.instant());
        return s;
    }

    /** The account whose code the session waits for, while it is still willing to wait. */
    public Optional<String> awaitingCode(BrowserSession s) {
        Instant now = clock.instant();
        return s.awaitingCode()
                .filter(id -> s.awaitingCodeSince()
                        .map(since -> !since.plus(CODE_PATIENCE).isBefore(now))
                        .orElse(false));
    }

    /**
     * The password was right but the account must set up two-factor sign-in before it may do anything else
     * (an administrator or officer without one, docs/security.md "Web pages"): the session names the account
     * for the set-up pages only, never as signed in, so every other page still sends the browser to sign in.
     * The same limit as the API's enrolment-only token, which reaches only {@code /auth/totp}.
     */
    public BrowserSession enrol(HttpServletRequest request, String accountId) {
        BrowserSession s = restart(request);
        s.http().setAttribute(BrowserSession.ENROLLING, accountId);
        s.http().setAttribute(BrowserSession.ENROLLING_SINCE, clock.instant());
        return s;
    }

    /** The account the session is setting up two-factor sign-in for, while it is still willing to wait. */
    public Optional<String> enrolling(BrowserSession s) {
        Instant now = clock.instant();
        return s.enrolling()
                .filter(id -> s.enrollingSince()
                        .map(since -> !since.plus(ENROLMENT_PATIENCE).isBefore(now))
                        .orElse(false));
    }

    /**
     * Signed in: a new session id, CSRF token and key, holding only the account and its new sign-in record's id
     * ({@link BrowserSignIns#start}); the browser is given the key
     * ({@link BrowserSession#keyCookie()}) beside the container's new session cookie. The key goes on the servlet
     * response: a Set-Cookie header of the JAX-RS answer would replace the container's.
     */
    public BrowserSession signIn(HttpServletRequest request, HttpServletResponse response, String accountId) {
        BrowserSession s = restart(request);
        s.http().setAttribute(BrowserSession.SIGN_IN, signIns.start(accountId));
        s.http().setAttribute(BrowserSession.ACCOUNT, accountId);
        s.http().setAttribute(BrowserSession.KEY, SessionTokens.fresh());
        response.addHeader("Set-Cookie", s.keyCookie());
        return s;
    }

    /**
     * The browser's live session when it is signed in and the request shows the session's key as well as its id,
     * its use recorded; empty otherwise (a session whose id came without its key is not trusted with an account).
     */
    public Optional<BrowserSession> signedIn(HttpServletRequest request) {
        return existing(request)
                .filter(s -> s.accountId().isPresent()
                        && SessionTokens.matches(s.key().orElse(null), cookie(request, BrowserSession.KEY_COOKIE)))
                .map(this::used);
    }

    /**
     * Ends the session, and answers true, when it is over: idle too long (its sign-in record is ended too), or
     * signed in under a sign-in record that is ended or missing (signed out on another server, or the account's
     * second factor reset), which is then only dropped here, since there is nothing left to end.
     */
    private boolean endedIfOver(HttpServletRequest request, BrowserSession s) {
        if (idleTooLong(s)) {
            end(s.http());
            return true;
        }
        if (s.accountId().isEmpty() || s.http().getId().equals(request.getAttribute(SIGN_IN_CHECKED))) {
            return false;
        }
        if (s.signInId().map(signIns::isLive).orElse(false)) {
            request.setAttribute(SIGN_IN_CHECKED, s.http().getId());
            return false;
        }
        s.http().invalidate();
        return true;
    }

    private boolean idleTooLong(BrowserSession s) {
        return s.lastSeen()
                .map(seen -> seen.plus(idle).isBefore(clock.instant()))
                .orElse(false);
    }

    /** A request of the session's: the idle timeout starts again from now. */
    private BrowserSession used(BrowserSession s) {
        s.http().setAttribute(BrowserSession.LAST_SEEN, clock.instant());
        return s;
    }

    private static String cookie(HttpServletRequest request, String name) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /**
     * Signed out: the sign-in record is ended, for every server, and the session ends on this one, so its cookies
     * are worth nothing even if kept; the key is forgotten.
     */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        end(request);
        response.addHeader("Set-Cookie", BrowserSession.forgetKeyCookie());
    }

    private void end(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        if (http != null) {
            end(http);
        }
    }

    /**
     * Ends the session's sign-in record, if it has one, and then the session: should the database refuse, the
     * session stays as it was rather than seem signed out while the record lets other servers' copies in.
     */
    private void end(HttpSession http) {
        new BrowserSession(http).signInId().ifPresent(signIns::end);
        http.invalidate();
    }

    private BrowserSession restart(HttpServletRequest request) {
        end(request);
        return current(request);
    }
}
