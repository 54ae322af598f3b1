package org.lscb.server.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.util.Arrays;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;

/**
 * The person behind a page request: the account the browser's session names, read from the database on
 * every request as {@link org.lscb.server.auth.CallerResolver} does for a token, so an account removed or
 * changed counts at once. No live session: {@link SignInRequiredException}.
 */
@RequestScoped
public class SignedIn {

    private HttpServletRequest request;
    private BrowserSessions sessions;
    private Database database;
    private Caller cached;
    private BrowserSession session;

    protected SignedIn() {}

    @Inject
    public SignedIn(HttpServletRequest request, BrowserSessions sessions, Database database) {
        this.request = request;
        this.sessions = sessions;
        this.database = database;
    }

    public Caller caller() {
        if (cached == null) {
            BrowserSession s = session();
            cached = s.accountId()
                    .flatMap(id -> database.read(em -> new AccountRepository(em).byId(id)))
                    .map(Caller::of)
                    .orElseThrow(() -> new SignInRequiredException(returnPath()));
        }
        return cached;
    }

    /**
     * The caller, who must hold one of the roles: the same roles the JSON API's {@code @RolesAllowed} names for
     * the same service call. What they may see within it (their board, their reviews) the service decides.
     */
    public Caller withAnyRole(Role... roles) {
        Caller c = caller();
        if (Arrays.stream(roles).noneMatch(c::has)) {
            throw new ForbiddenException();
        }
        return c;
    }

    /** The session's CSRF token, for the forms of the page being rendered. */
    public String csrfToken() {
        return session().csrfToken();
    }

    private BrowserSession session() {
        if (session == null) {
            session = sessions.signedIn(request).orElseThrow(() -> new SignInRequiredException(returnPath()));
        }
        return session;
    }

    private String returnPath() {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String q = request.getQueryString();
        return request.getRequestURI() + (q == null ? "" : "?" + q);
    }
}
