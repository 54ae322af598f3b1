package org.lscb.server.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentType;
import org.lscb.exchange.store.ProtectiveMarking;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Enums;

/** Sending a document to a review and listing a review's documents (docs/api.md "Documents"). */
@Path("reviews/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewDocumentsResource {

    private DocumentService documents;
    private DocumentUploads uploads;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ReviewDocumentsResource() {}

    @Inject
    public ReviewDocumentsResource(
            DocumentService documents, DocumentUploads uploads, CallerResolver callers, PublicLocations locations) {
        this.documents = documents;
        this.uploads = uploads;
        this.callers = callers;
        this.locations = locations;
    }

    private static final String ENVELOPE_DIGEST =
            "RFC 9530, optional: sha-256=:<base64 of the SHA-256 of the body as sent>: "
                    + "(sha-512 is checked too, other algorithms are ignored). A body that does not match is refused with 400 digest_mismatch "
                    + "and nothing is kept; a malformed field is 400 invalid_request.";
    private static final String PLAIN_DIGEST =
            "RFC 9530, optional: sha-256=:<base64 of the SHA-256 of the plaintext sent>: "
                    + "(sha-512 is checked too, other algorithms are ignored). A body that does not match is refused with 400 digest_mismatch "
                    + "and nothing is kept; a malformed field is 400 invalid_request.";

    public record UploadAnswer(String id, String sha256, long size, List<String> recipients, int version) {}

    /**
     * Body: a DER CMS envelope (AuthEnvelopedData or EnvelopedData). {@code Idempotency-Key} (or
     * {@code uploadId}) makes a retry land once: the second answer is 200 with the first document.
     * {@code Content-Digest} (RFC 9530), when sent, must match the body as sent, or nothing is kept.
     */
    @POST
    @Consumes("application/pkcs7-mime")
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER"})
    public Response upload(
            @PathParam("id") String reviewId,
            @QueryParam("type") String type,
            @QueryParam("title") String title,
            @QueryParam("marking") String marking,
            @QueryParam("uploadId") String uploadId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Digest") @Parameter(description = ENVELOPE_DIGEST) List<String> contentDigest,
            InputStream body) {
        Document.Description d = describe(type, title, marking, idempotencyKey != null ? idempotencyKey : uploadId);
        return answer(uploads.upload(callers.caller(), reviewId, d, ContentDigest.of(contentDigest), body));
    }

    /** Everything the caller typed is checked before a byte of the body is read (docs/security.md B8: no blob left behind). */
    private static Document.Description describe(String type, String title, String marking, String uploadId) {
        Document.Description d = new Document.Description(
                Enums.parse(DocumentType.class, type, "type"), title, ProtectiveMarking.parse(marking), uploadId);
        org.lscb.foundation.value.Text.required(d.title(), "title", Document.MAX_TITLE);
        if (uploadId != null && (uploadId.length() > 100 || !uploadId.matches("[A-Za-z0-9._:-]+"))) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "uploadId", "must be 1 to 100 letters, digits or . _ : -");
        }
        return d;
    }

    private Response answer(DocumentUploads.Uploaded u) {
        Document doc = u.document();
        UploadAnswer answer = new UploadAnswer(
                doc.id(),
                doc.sha256(),
                doc.size(),
                doc.recipients().stream().sorted().toList(),
                doc.version());
        return (u.created() ? Response.created(locations.of("documents", doc.id())) : Response.ok())
                .entity(answer)
                .build();
    }

    /**
     * Body: the document itself, for users without client-side crypto. The server seals it to the review's
     * recipients as it arrives (signed by the server's upload gateway key) and never writes the plaintext.
     * {@code Content-Digest}, when sent, is the digest of the plaintext sent, or nothing is kept.
     */
    @POST
    @Path("plain")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER"})
    public Response uploadPlain(
            @PathParam("id") String reviewId,
            @QueryParam("type") String type,
            @QueryParam("title") String title,
            @QueryParam("marking") String marking,
            @QueryParam("uploadId") String uploadId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Digest") @Parameter(description = PLAIN_DIGEST) List<String> contentDigest,
            InputStream body) {
        Document.Description d = describe(type, title, marking, idempotencyKey != null ? idempotencyKey : uploadId);
        return answer(uploads.uploadPlain(callers.caller(), reviewId, d, ContentDigest.of(contentDigest), body));
    }

    @GET
    @RolesAllowed({
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "ADMIN",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public List<DocumentView> list(@PathParam("id") String reviewId) {
        return documents.list(callers.caller(), reviewId).stream()
                .map(DocumentView::of)
                .toList();
    }
}
