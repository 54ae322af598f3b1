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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.AccountRepository;
import org.lscb.server.auth.Caller;
import org.lscb.server.auth.TwoFactorService;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.session.BrowserSession;
import org.lscb.server.web.session.BrowserSessions;

/**
 * Setting up two-factor sign-in in the browser, for an account whose password was right but that may not be
 * used without a second factor (an administrator or officer, {@link org.lscb.identity.account.Role#needsSecondFactor()}):
 * the session is only "enrolling" ({@link BrowserSessions#enrol}), which no other page accepts. The same
 * {@link TwoFactorService} calls as {@code /api/v1/auth/totp}: {@code start} shows a new secret as a QR code
 * and as text; the first code from the app {@code confirm}s it, and the recovery codes are shown once, on the
 * answer to that post; the session is then signed in ({@link BrowserSessions#signIn}, a new session id).
 * The token {@code confirm} also issues is the API's and is not used by a browser. {@code @PermitAll}: what
 * admits a browser here is its enrolling session, checked by each method, not a role.
 */
@Path("sign-in/two-factor")
@Produces(MediaType.TEXT_HTML)
public class TwoFactorSetupPages {

    /** The QR code's width and height on the page, in CSS pixels: large enough for any phone camera. */
    static final int QR_SIZE = 200;

    private TwoFactorService twoFactor;
    private BrowserSessions sessions;
    private Database database;

    protected TwoFactorSetupPages() {}

    @Inject
    public TwoFactorSetupPages(TwoFactorService twoFactor, BrowserSessions sessions, Database database) {
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.database = database;
    }

    /**
     * The set-up page: the QR code and the secret (null after a wrong code, when the app already has the
     * secret and only the code is asked again), the code field and where to go afterwards.
     */
    public record SetUpForm(Html qrCode, String secret, String next, FormErrors errors) {

        /** The secret in groups of four, as authenticator apps show and people type it. */
        public org.lscb.server.web.component.Input codeField() {
            return SignInPages.field("code", "Code from your app", "text", "", "one-time-code", errors)
                    .withHint(org.lscb.server.web.component.Hint.of("For example, 123456"))
                    .withClasses("govuk-input--width-10");
        }

        public String secretInGroups() {
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < secret.length(); i += 4) {
                groups.add(secret.substring(i, Math.min(secret.length(), i + 4)));
            }
            return String.join(" ", groups);
        }
    }

    public record RecoveryCodes(List<String> codes, String next) {}

    /** Starts (or starts again) setting up: a new secret each time the page is opened, until one is confirmed. */
    @PermitAll
    @GET
    public Response form(@QueryParam("next") String next, @Context HttpServletRequest http) {
        BrowserSession s = sessions.current(http);
        Optional<Caller> caller = enrolling(s);
        if (caller.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        TwoFactorService.Started started = twoFactor.start(caller.get());
        Html qr = QrCodeMarkup.of(
                started.qrCode(), QR_SIZE, "QR code to scan with your authenticator app. The key is written below it.");
        return setUpPage(200, s, new SetUpForm(qr, started.secret(), SignInPages.safeNext(next), FormErrors.none()));
    }

    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(
            @FormParam("code") String code,
            @FormParam("next") String next,
            @Context HttpServletRequest http,
            @Context HttpServletResponse httpResponse) {
        String target = SignInPages.safeNext(next);
        BrowserSession s = sessions.current(http);
        Optional<Caller> caller = enrolling(s);
        if (caller.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        String typed =
                code == null ? "" : code.replace(" ", "").replace("-", "").trim();
        if (typed.isEmpty()) {
            return setUpPage(
                    400, s, new SetUpForm(null, null, target, FormErrors.none().with("code", "Enter the code")));
        }
        if (typed.length() > 64) {
            return setUpPage(
                    400,
                    s,
                    new SetUpForm(null, null, target, FormErrors.none().with("code", "Enter the 6-digit code")));
        }
        TwoFactorService.Confirmed confirmed;
        try {
            confirmed = twoFactor.confirm(caller.get(), typed);
        } catch (InvalidValueException wrong) {
            return setUpPage(
                    400,
                    s,
                    new SetUpForm(
                            null,
                            null,
                            target,
                            FormErrors.none()
                                    .with(
                                            "code",
                                            "The code is not correct. Check your phone's clock and enter the code"
                                                    + " your app shows now")));
        }
        BrowserSession signedIn =
                sessions.signIn(http, httpResponse, caller.get().accountId());
        Chrome chrome = Chrome.anonymous("Save your recovery codes", false, signedIn.csrfToken());
        return Pages.page(
                "pages/signin/recovery-codes.jte",
                chrome,
                Map.of("view", new RecoveryCodes(confirmed.recoveryCodes(), target)));
    }

    private Optional<Caller> enrolling(BrowserSession s) {
        return sessions.enrolling(s)
                .flatMap(id -> database.read(em -> new AccountRepository(em).byId(id)))
                .map(Caller::of);
    }

    private static Response setUpPage(int status, BrowserSession s, SetUpForm form) {
        Chrome chrome =
                Chrome.anonymous("Set up two-factor sign-in", !form.errors().isEmpty(), s.csrfToken());
        return Pages.page(status, "pages/signin/two-factor.jte", chrome, Map.of("form", form));
    }
}
