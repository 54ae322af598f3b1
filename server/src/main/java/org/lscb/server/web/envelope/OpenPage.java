package org.lscb.server.web.envelope;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.exchange.store.Document;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.document.DocumentService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * {@code GET /documents/{docId}/open}: opening a document in the browser. The page shows the document's
 * metadata ({@code GET /api/v1/documents/{docId}}, for the same roles and the same rule of who may see it);
 * its script ({@code open-page.js}) downloads the envelope, decrypts it with the person's key (or, for an
 * officer of the lead board, the board key) in this browser, verifies the signature, the signer's chain to
 * the pinned CA and its revocation, names the signer, and only then offers the plaintext to save; and sends
 * a signed receipt when the person asks.
 */
@Path("documents/{docId}/open")
@Produces(MediaType.TEXT_HTML)
public class OpenPage {

    /** The roles {@code GET /api/v1/documents/{docId}} admits. */
    private static final Role[] READERS = {
        Role.LSCB_OFFICER,
        Role.AGENCY_USER,
        Role.REVIEWER,
        Role.PAEDIATRICIAN,
        Role.CORONER,
        Role.ADMIN,
        Role.CDOP_MEMBER
    };

    private SignedIn signedIn;
    private Pages pages;
    private DocumentService documents;

    protected OpenPage() {}

    @Inject
    public OpenPage(SignedIn signedIn, Pages pages, DocumentService documents) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.documents = documents;
    }

    public record View(Document document, String accountId, boolean officer) {}

    @GET
    public Response page(@PathParam("docId") String documentId) {
        Caller c = signedIn.withAnyRole(READERS);
        Document d = documents.metadata(c, documentId);
        return Pages.page(
                "pages/envelope/open.jte",
                pages.chrome("Open " + d.title(), "reviews").withScripts("open-page.js"),
                Map.of("view", new View(d, c.accountId(), c.has(Role.LSCB_OFFICER))));
    }
}
