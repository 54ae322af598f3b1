package org.lscb.server.web.signin;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.lscb.server.auth.ClientAddress;
import org.lscb.server.auth.SignInDelays;
import org.lscb.server.auth.SignInService;
import org.lscb.server.auth.SignInWorkers;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.session.BrowserSession;
import org.lscb.server.web.session.BrowserSessions;

/**
 * Signing in and out in a browser: the password, then the one-time code on a second page where the account
 * has two-factor sign-in (or, for an account that must have it and has none, its set-up on
 * {@link TwoFactorSetupPages}), through the same {@link SignInService} (throttling, locking, audit) as the API's
 * token. The password check runs on the bounded sign-in workers, never on a request thread. Anyone may use
 * these pages ({@code @PermitAll}): they are how a browser comes to be known.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    private SignInService signIn;
    private SignInWorkers workers;
    private SignInDelays delays;
    private BrowserSessions sessions;
    private ServerConfig config;

    protected SignInPages() {}

    @Inject
    public SignInPages(
            SignInService signIn,
            SignInWorkers workers,
            SignInDelays delays,
            BrowserSessions sessions,
            ServerConfig config) {
        this.signIn = signIn;
        this.workers = workers;
        this.delays = delays;
        this.sessions = sessions;
        this.config = config;
    }

    /** The sign-in form's fields and errors, for the template. */
    public record SignInForm(String username, String next, FormErrors errors, boolean signedOut) {

        public Input usernameField() {
            return field("username", "Username", "text", username, "username", errors);
        }

        public Input passwordField() {
            return field("password", "Password", "password", "", "current-password", errors);
        }

        public NotificationBanner signedOutBanner() {
            return NotificationBanner.success("You have signed out");
        }
    }

    @PermitAll
    @GET
    @Path("sign-in")
    public Response form(
            @QueryParam("next") String next,
            @QueryParam("signed-out") String signedOut,
            @Context HttpServletRequest http) {
        BrowserSession s = sessions.current(http);
        return signInPage(200, s, new SignInForm("", safeNext(next), FormErrors.none(), signedOut != null));
    }

    @PermitAll
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public void signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("next") String next,
            @Context HttpServletRequest http,
            @Context HttpServletResponse httpResponse,
            @Suspended AsyncResponse answer) {
        String target = safeNext(next);
        String name = username == null ? "" : username.trim();
        FormErrors errors = FormErrors.none();
        if (name.isEmpty()) {
            errors = errors.with("username", "Enter your username");
        } else if (name.length() > 256) {
            errors = errors.with("username", "Username must be 256 characters or fewer");
        }
        if (password == null || password.isEmpty()) {
            errors = errors.with("password", "Enter your password");
        } else if (password.length() > 1024) {
            errors = errors.with("password", "Password must be 1,024 characters or fewer");
        }
        BrowserSession current = sessions.current(http);
        if (!errors.isEmpty()) {
            answer.resume(signInPage(400, current, new SignInForm(name, target, errors, false)));
            return;
        }
        String client = clientAddress(http);
        char[] secret = password.toCharArray();
        boolean queued = workers.submit(() -> {
            try {
                SignInService.Verdict v = signIn.check(name, secret, null, client);
                if (v.needsCode()) {
                    sessions.awaitCode(http, v.account().id());
                    answer.resume(Pages.seeOther(
                            "/sign-in/code" + (target.equals("/") ? "" : "?next=" + Pages.encode(target))));
                } else if (v.refusal() != null) {
                    Response page = refusedPage(sessions.current(http), name, target, v, "username");
                    delays.after(v.delay(), () -> answer.resume(page));
                } else if (v.enrolmentOnly()) {
                    // an account that must have a second factor and has none sets it up before anything else
                    sessions.enrol(http, v.account().id());
                    answer.resume(Pages.seeOther(
                            "/sign-in/two-factor" + (target.equals("/") ? "" : "?next=" + Pages.encode(target))));
                } else {
                    sessions.signIn(http, httpResponse, v.account().id());
                    answer.resume(Pages.seeOther(target));
                }
            } catch (RuntimeException e) {
                answer.resume(e);
            }
        });
        if (!queued) {
            java.util.Arrays.fill(secret, '\0');
            answer.resume(signInPage(
                    429,
                    current,
                    new SignInForm(
                            name,
                            target,
                            FormErrors.none()
                                    .with("username", "Too many people are signing in. Try again in a few seconds."),
                            false)));
        }
    }

    /** The one-time code's page, while a right password waits for it. */
    public record CodeForm(String next, FormErrors errors) {

        public Input codeField() {
            return field("code", "Security code", "text", "", "one-time-code", errors)
                    .withHint(Hint.of("For example, 123456"))
                    .withClasses("govuk-input--width-10");
        }
    }

    /** A text field of the sign-in pages, with its error when the form has one for it. */
    static Input field(String name, String label, String type, String value, String autocomplete, FormErrors errors) {
        return new Input(
                        null,
                        name,
                        type,
                        Label.of(label),
                        null,
                        null,
                        value,
                        autocomplete,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .withError(errors.errorFor(name));
    }

    @PermitAll
    @GET
    @Path("sign-in/code")
    public Response codeForm(@QueryParam("next") String next, @Context HttpServletRequest http) {
        BrowserSession s = sessions.current(http);
        if (sessions.awaitingCode(s).isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        return codePage(200, s, new CodeForm(safeNext(next), FormErrors.none()));
    }

    @PermitAll
    @POST
    @Path("sign-in/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public void code(
            @FormParam("code") String code,
            @FormParam("next") String next,
            @Context HttpServletRequest http,
            @Context HttpServletResponse httpResponse,
            @Suspended AsyncResponse answer) {
        String target = safeNext(next);
        BrowserSession s = sessions.current(http);
        Optional<String> account = sessions.awaitingCode(s);
        if (account.isEmpty()) {
            answer.resume(Pages.seeOther("/sign-in"));
            return;
        }
        String typed =
                code == null ? "" : code.replace(" ", "").replace("-", "").trim();
        if (typed.isEmpty()) {
            answer.resume(
                    codePage(400, s, new CodeForm(target, FormErrors.none().with("code", "Enter the code"))));
            return;
        }
        if (typed.length() > 64) {
            answer.resume(codePage(
                    400,
                    s,
                    new CodeForm(target, FormErrors.none().with("code", "Enter the 6-digit code or a recovery code"))));
            return;
        }
        String client = clientAddress(http);
        boolean queued = workers.submit(() -> {
            try {
                SignInService.Verdict v = signIn.checkCode(account.get(), typed, client);
                if (v.refusal() == null) {
                    sessions.signIn(http, httpResponse, v.account().id());
                    answer.resume(Pages.seeOther(target));
                    return;
                }
                String message = v.refusal().retryAfter().isPresent()
                        ? "Too many attempts. Wait " + minutes(v) + " and sign in again."
                        : "The code is not correct, or has been used. Enter the code your app shows now.";
                Response page = codePage(
                        v.refusal().retryAfter().isPresent() ? 429 : 400,
                        sessions.current(http),
                        new CodeForm(target, FormErrors.none().with("code", message)));
                delays.after(v.delay(), () -> answer.resume(page));
            } catch (RuntimeException e) {
                answer.resume(e);
            }
        });
        if (!queued) {
            answer.resume(codePage(
                    429,
                    s,
                    new CodeForm(
                            target,
                            FormErrors.none()
                                    .with("code", "Too many people are signing in. Try again in a few seconds."))));
        }
    }

    @PermitAll
    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context HttpServletRequest http, @Context HttpServletResponse httpResponse) {
        sessions.signOut(http, httpResponse);
        return Pages.seeOther("/sign-in?signed-out");
    }

    private Response refusedPage(BrowserSession s, String name, String target, SignInService.Verdict v, String field) {
        boolean locked = v.refusal().retryAfter().isPresent();
        String message = locked
                ? "Too many attempts. Wait " + minutes(v) + " and try again."
                : "Enter a correct username and password";
        return signInPage(
                locked ? 429 : 400,
                s,
                new SignInForm(name, target, FormErrors.none().with(field, message), false));
    }

    private static String minutes(SignInService.Verdict v) {
        long seconds = v.refusal().retryAfter().orElseThrow().toSeconds();
        long m = Math.max(1, (seconds + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }

    private static Response signInPage(int status, BrowserSession s, SignInForm form) {
        Chrome chrome = Chrome.anonymous("Sign in", !form.errors().isEmpty(), s.csrfToken());
        return Pages.page(status, "pages/signin/sign-in.jte", chrome, Map.of("form", form));
    }

    private static Response codePage(int status, BrowserSession s, CodeForm form) {
        Chrome chrome =
                Chrome.anonymous("Enter your security code", !form.errors().isEmpty(), s.csrfToken());
        return Pages.page(status, "pages/signin/code.jte", chrome, Map.of("form", form));
    }

    private String clientAddress(HttpServletRequest http) {
        return ClientAddress.of(http, config.trustedProxies());
    }

    /**
     * Where to go after signing in: a path of this service only (starting with one slash, not two, and no
     * backslash), so that the sign-in page cannot be made to send someone to another site.
     */
    static String safeNext(String next) {
        if (next == null
                || next.isEmpty()
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || next.startsWith("/sign-")
                || !isPlainPath(next)) {
            return "/";
        }
        return next;
    }

    /** A path (and query) that a Location header can carry as it is: no scheme, no host, nothing to escape. */
    private static boolean isPlainPath(String next) {
        try {
            java.net.URI uri = new java.net.URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
