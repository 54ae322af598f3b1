package org.lscb.server.web.envelope;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.Document;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.document.DocumentService;
import org.lscb.server.keys.KeyService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * {@code GET /reviews/{id}/access}: the review's documents that people the review now entitles (a reviewer
 * appointed late, a new certificate) cannot open yet, for an officer to give them access with the board key
 * in the browser. The page lists each such document and who is missing, from the same calls {@code lscb
 * grant} makes ({@code GET /api/v1/documents/{id}} and {@code /reviews/{id}/recipients}); its script ({@code
 * grant-page.js}) opens each envelope's content key with the board key and posts recipient infos for the
 * newcomers ({@code POST /api/v1/documents/{id}/recipients}, which only an officer of the lead board may do).
 * The content is not re-encrypted and never leaves the browser.
 */
@Path("reviews/{id}/access")
@Produces(MediaType.TEXT_HTML)
public class GrantPage {

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;
    private DocumentService documents;
    private KeyService keys;

    protected GrantPage() {}

    @Inject
    public GrantPage(
            SignedIn signedIn, Pages pages, ReviewService reviews, DocumentService documents, KeyService keys) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
        this.documents = documents;
        this.keys = keys;
    }

    /** A document and the certificates the review entitles that it is not yet encrypted to. */
    public record Pending(Document document, List<SendPage.Recipient> missing) {}

    public record View(String reviewId, String reference, String pseudonym, String accountId, List<Pending> pending) {}

    @GET
    public Response page(@PathParam("id") String reviewId) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        ReviewService.Seen seen = reviews.get(c, reviewId);
        // the grant call admits only the lead board's officers (DocumentService#grant); another board's is told
        // there is no such page, as that call tells them there is no such document
        if (!seen.relations().contains(org.lscb.reviews.ReviewAccess.Relation.LEAD_BOARD_OFFICER)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        java.util.Map<org.lscb.exchange.store.DocumentType, List<IssuedCertificate>> entitled =
                keys.recipientsByType(c, reviewId);
        List<Pending> pending = documents.list(c, reviewId).stream()
                .map(d -> new Pending(
                        d,
                        entitled.get(d.type()).stream()
                                .filter(r -> !d.recipients().contains(r.id()))
                                .map(SendPage.Recipient::of)
                                .toList()))
                .filter(p -> !p.missing().isEmpty())
                .toList();
        return Pages.page(
                "pages/envelope/access.jte",
                pages.chrome(
                                "Give access to documents of review "
                                        + seen.review().reference(),
                                "reviews")
                        .withScripts("grant-page.js"),
                Map.of(
                        "view",
                        new View(
                                seen.review().id(),
                                seen.review().reference(),
                                seen.review().pseudonym(),
                                c.accountId(),
                                pending)));
    }
}
