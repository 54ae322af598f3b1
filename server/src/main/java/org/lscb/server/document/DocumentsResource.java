package org.lscb.server.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.lscb.server.auth.CallerResolver;

/** One document: its metadata, and its envelope for a current recipient. */
@Path("documents")
public class DocumentsResource {

    private DocumentService documents;
    private CallerResolver callers;

    protected DocumentsResource() {}

    @Inject
    public DocumentsResource(DocumentService documents, CallerResolver callers) {
        this.documents = documents;
        this.callers = callers;
    }

    /** The documents the caller's organisation sent, newest first, with each recipient's receipt. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER"})
    public java.util.List<TrackedView> sent() {
        return documents.sent(callers.caller()).stream().map(TrackedView::of).toList();
    }

    @GET
    @Path("{docId}")
    @Produces(MediaType.APPLICATION_JSON)
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
    public DocumentView get(@PathParam("docId") String id) {
        return DocumentView.of(documents.metadata(callers.caller(), id));
    }

    /** Body: a DER {@code SET OF RecipientInfo} made by a current holder for newly entitled recipients. */
    @jakarta.ws.rs.POST
    @Path("{docId}/recipients")
    @jakarta.ws.rs.Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pkcs7-mime"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER"})
    public DocumentView grant(@PathParam("docId") String id, InputStream body) throws java.io.IOException {
        byte[] der = body.readNBytes(2 * 1024 * 1024 + 1);
        if (der.length > 2 * 1024 * 1024) {
            throw new org.lscb.server.error.BodyTooLargeException(2 * 1024 * 1024);
        }
        return DocumentView.of(documents.grant(callers.caller(), id, der));
    }

    public record ReceiptBody(String signature) {}

    /**
     * A receipt as the API shows it; {@code signature} is the recipient's detached CMS signature as they sent it
     * (base64 or PEM), so that whoever may see the receipt can verify it themselves, against the recipient's
     * certificate ({@code printf %s <sha256> | openssl cms -verify -binary -content /dev/stdin ...}).
     */
    public record ReceiptView(
            String id,
            String documentId,
            String accountId,
            String receivedAt,
            String sha256,
            boolean signed,
            String signature) {
        static ReceiptView of(org.lscb.exchange.store.Receipt r) {
            return new ReceiptView(
                    r.id(),
                    r.documentId(),
                    r.accountId(),
                    r.receivedAt().toString(),
                    r.sha256(),
                    r.signature().isPresent(),
                    r.signature().orElse(null));
        }
    }

    /**
     * The recipient acknowledges receipt; optionally {@code {"signature": "<base64 or PEM>"}}: a detached CMS
     * signature over the document's sha256 as hexadecimal text ({@code printf %s <sha256> | openssl cms -sign
     * -binary -md sha256 ...}) by the caller's own current certificate, else 400 on field {@code signature}.
     */
    @jakarta.ws.rs.POST
    @Path("{docId}/receipt")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER"})
    public Response receipt(@PathParam("docId") String id, ReceiptBody body) {
        var r = documents.receipt(callers.caller(), id, body == null ? null : body.signature());
        return Response.status(201).entity(ReceiptView.of(r)).build();
    }

    @GET
    @Path("{docId}/receipts")
    @Produces(MediaType.APPLICATION_JSON)
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
    public java.util.List<ReceiptView> receipts(@PathParam("docId") String id) {
        return documents.receipts(callers.caller(), id).stream()
                .map(ReceiptView::of)
                .toList();
    }

    /** The DER envelope, streamed; the file name is the document id, never anything a caller typed. */
    @GET
    @Path("{docId}/content")
    @Produces("application/pkcs7-mime")
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
    public Response content(@PathParam("docId") String id) {
        DocumentService.Content content = documents.content(callers.caller(), id);
        StreamingOutput body = out -> {
            // 256 KiB writes: transferTo's 8 KiB would send a 1 GiB download as 131,000 chunks
            try (InputStream in = content.in()) {
                byte[] buf = new byte[256 * 1024];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            }
        };
        // the length lets clients show progress and check completeness, and spares the chunked encoding
        return Response.ok(body, "application/pkcs7-mime")
                .header("Content-Length", content.size())
                .header("Content-Disposition", "attachment; filename=\"" + id + ".p7m\"")
                .build();
    }
}
