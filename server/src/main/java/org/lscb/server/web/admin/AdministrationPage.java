package org.lscb.server.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * The start of administration: links to the organisations and accounts pages, for those the JSON API lets
 * manage them (ADMIN, LSCB_OFFICER on {@code /api/v1/organisations} and {@code /api/v1/accounts}). Changing
 * a board's members is the administrator's alone, and the page says so only to them.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdministrationPage {

    private SignedIn signedIn;
    private Pages pages;

    protected AdministrationPage() {}

    @Inject
    public AdministrationPage(SignedIn signedIn, Pages pages) {
        this.signedIn = signedIn;
        this.pages = pages;
    }

    /** What the start page offers: board membership is offered to an administrator only. */
    public record Start(boolean administrator) {}

    @GET
    public Response start() {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        return Pages.page(
                "pages/admin/start.jte",
                pages.chrome("Administration", "admin"),
                Map.of("view", new Start(c.has(Role.ADMIN))));
    }
}
