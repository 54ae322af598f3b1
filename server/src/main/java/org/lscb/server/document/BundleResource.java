package org.lscb.server.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lscb.exchange.store.Document;
import org.lscb.server.auth.CallerResolver;

/**
 * A review's documents the caller can open, as one streamed zip: each envelope as {@code <id>.p7m}
 * (names the server chose, never a caller's) and {@code manifest.json} with ids, types, titles and SHA-256.
 */
@Path("reviews/{id}/bundle")
public class BundleResource {

    private DocumentService documents;
    private CallerResolver callers;

    protected BundleResource() {}

    @Inject
    public BundleResource(DocumentService documents, CallerResolver callers) {
        this.documents = documents;
        this.callers = callers;
    }

    @GET
    @Produces("application/zip")
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
    public Response bundle(@PathParam("id") String reviewId) {
        var caller = callers.caller();
        List<Document> docs = documents.readable(caller, reviewId);
        JsonArrayBuilder manifest = Json.createArrayBuilder();
        docs.forEach(d -> manifest.add(Json.createObjectBuilder()
                .add("id", d.id())
                .add("file", d.id() + ".p7m")
                .add("type", d.type().name())
                .add("title", d.title())
                .add("marking", d.marking().label())
                .add("version", d.version())
                .add("sha256", d.sha256())
                .add("size", d.size())
                .add("uploadedAt", d.uploadedAt().toString())));
        String manifestJson = Json.createObjectBuilder()
                .add("reviewId", reviewId)
                .add("documents", manifest)
                .build()
                .toString();
        documents.bundled(caller, reviewId, docs.size());
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.NO_COMPRESSION); // ciphertext does not compress
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(manifestJson.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Document d : docs) {
                    zip.putNextEntry(new ZipEntry(d.id() + ".p7m"));
                    try (InputStream in = documents.ciphertext(d)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"review-" + reviewId + ".zip\"")
                .build();
    }
}
