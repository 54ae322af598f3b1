package org.lscb.server.web.envelope;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.Pages;
import org.lscb.server.web.assets.Assets;
import org.lscb.server.web.session.BrowserSessions;

/**
 * {@code GET /scripts}: every script and stylesheet this release serves, with the Subresource Integrity digest
 * its pages demand, so that anyone can compare them with the digests published for the release; its script
 * ({@code scripts-page.js}) fetches each file again and shows the digest of what this browser actually
 * received beside it. Public: the files are public, and a person should be able to check before signing in.
 * What this protects and what it cannot is in docs/security.md "Browser encryption".
 */
@Path("scripts")
@Produces(MediaType.TEXT_HTML)
public class ScriptsPage {

    private BrowserSessions sessions;
    private jakarta.servlet.http.HttpServletRequest request;
    private Pages pages;

    protected ScriptsPage() {}

    @Inject
    public ScriptsPage(BrowserSessions sessions, jakarta.servlet.http.HttpServletRequest request, Pages pages) {
        this.sessions = sessions;
        this.request = request;
        this.pages = pages;
    }

    public record View(String version, java.util.List<Assets.Listed> files) {}

    @GET
    @PermitAll
    public Response page() {
        String title = "Scripts this service runs in your browser";
        Chrome chrome =
                sessions.signedIn(request).isPresent() ? pages.chrome(title, "") : Chrome.anonymous(title, false, null);
        Assets assets = Assets.bundled();
        return Pages.page(
                "pages/envelope/scripts.jte",
                chrome.withScripts("scripts-page.js"),
                Map.of("view", new View(assets.version(), assets.listed())));
    }
}
