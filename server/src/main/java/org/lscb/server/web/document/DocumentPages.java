package org.lscb.server.web.document;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.lscb.identity.account.Role;
import org.lscb.reviews.ReviewAccess;
import org.lscb.server.auth.Caller;
import org.lscb.server.document.DocumentService;
import org.lscb.server.request.DocumentRequests;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * The documents pages: a review's documents with each recipient's receipt and what its board has asked for
 * ({@code GET /api/v1/reviews/{id}/documents} and {@code /requests}), the documents the person's organisation
 * sent ({@code GET /api/v1/documents}), and the inbox of documents addressed to the person, such as the joint
 * report to the coroner ({@code GET /api/v1/inbox}), each from the same service call as the API. The pages show
 * metadata only: documents are opened and sealed on the person's own machine (docs/security.md).
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    /** The roles {@code GET /api/v1/reviews/{id}/documents} and {@code GET /api/v1/inbox} admit. */
    private static final Role[] READERS = {
        Role.LSCB_OFFICER,
        Role.AGENCY_USER,
        Role.REVIEWER,
        Role.PAEDIATRICIAN,
        Role.CORONER,
        Role.ADMIN,
        Role.CDOP_MEMBER,
        Role.LSCB_CHAIR
    };

    /** The roles {@code GET /api/v1/documents} admits: those who can send a document. */
    private static final Role[] SENDERS = {
        Role.LSCB_OFFICER, Role.AGENCY_USER, Role.REVIEWER, Role.PAEDIATRICIAN, Role.CORONER
    };

    private SignedIn signedIn;
    private Pages pages;
    private DocumentService documents;
    private DocumentRequests requests;
    private ReviewService reviews;

    protected DocumentPages() {}

    @Inject
    public DocumentPages(
            SignedIn signedIn,
            Pages pages,
            DocumentService documents,
            DocumentRequests requests,
            ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.documents = documents;
        this.requests = requests;
        this.reviews = reviews;
    }

    /**
     * A review's documents page: the documents the person may see with their receipts, the requests they are
     * shown, whether they may ask for one (the access policy's MANAGE), and whether a request was just sent.
     */
    public record ReviewDocuments(
            String reviewId,
            String reference,
            String pseudonym,
            List<DocumentService.Tracked> documents,
            List<DocumentRequests.Status> requests,
            boolean canAsk,
            boolean requested,
            boolean canSend) {}

    @GET
    @Path("reviews/{id}/documents")
    public Response ofReview(@PathParam("id") String reviewId, @QueryParam("requested") String requested) {
        Caller c = signedIn.withAnyRole(READERS);
        ReviewService.Seen seen = reviews.get(c, reviewId);
        ReviewDocuments view = new ReviewDocuments(
                seen.review().id(),
                seen.review().reference(),
                seen.review().pseudonym(),
                documents.tracked(c, reviewId),
                requests.ofReview(c, reviewId),
                ReviewAccess.allows(ReviewAccess.Action.MANAGE, seen.relations()),
                requested != null,
                java.util.Arrays.stream(SENDERS).anyMatch(c::has));
        return Pages.page(
                "pages/document/review.jte",
                pages.chrome("Documents for review " + seen.review().reference(), "reviews"),
                Map.of("view", view));
    }

    /** The documents the person's organisation sent, newest first. */
    public record Sent(List<DocumentService.Tracked> documents) {}

    @GET
    @Path("documents")
    public Response sent() {
        Caller c = signedIn.withAnyRole(SENDERS);
        return Pages.page(
                "pages/document/sent.jte",
                pages.chrome("Sent documents", "documents"),
                Map.of("view", new Sent(documents.sent(c))));
    }

    /** Documents addressed to the person on reviews they are appointed to, newest first. */
    public record Inbox(List<DocumentService.InboxItem> items) {}

    @GET
    @Path("inbox")
    public Response inbox() {
        Caller c = signedIn.withAnyRole(READERS);
        return Pages.page(
                "pages/document/inbox.jte",
                pages.chrome("Inbox", "inbox"),
                Map.of("view", new Inbox(documents.inbox(c))));
    }
}
