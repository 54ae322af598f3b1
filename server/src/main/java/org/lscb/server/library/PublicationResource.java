package org.lscb.server.library;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.lscb.library.PublishedReport;
import org.lscb.library.text.ExtractionLimits;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.RejectUnknownFields;

/**
 * Publication of a review's report (docs/api.md "Publication") [11]: the lead board's officers, or its Chair, upload
 * the final report and the board's response as {@code multipart/form-data}; the personal-data check runs before
 * anything is public. Withdrawal takes the report out of the library at once.
 */
@Path("reviews/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {

    /** Two files at the extraction's limit, and the form's other fields. */
    static final long MAX_BODY = 2 * ExtractionLimits.DEFAULT.maxBytes() + 1024 * 1024;

    private PublicationService publications;
    private PublicReports reports;
    private CallerResolver callers;
    private PublicLocations locations;

    protected PublicationResource() {}

    @Inject
    public PublicationResource(
            PublicationService publications, PublicReports reports, CallerResolver callers, PublicLocations locations) {
        this.publications = publications;
        this.reports = reports;
        this.callers = callers;
        this.locations = locations;
    }

    @RejectUnknownFields
    public record WithdrawalBody(String reason) {}

    @GET
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER"})
    public PublicReports.ReportView current(@PathParam("id") String reviewId) {
        PublishedReport r = publications.current(callers.caller(), reviewId).orElseThrow(NotFoundException::new);
        return reports.get(r.id());
    }

    /**
     * Form fields: {@code report} and {@code response} (files), {@code title}, {@code themes} (repeated, codes),
     * {@code ageBand}, {@code year}, {@code redactionNames} (repeated, or one a line; used for the check and not
     * kept) and, for the Chair only, {@code overrideReason}.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BoundedUpload
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER"})
    public Response publish(@PathParam("id") String reviewId, FormDataMultiPart form) {
        PublishedReport r;
        try {
            r = publications.publish(callers.caller(), reviewId, request(form));
        } finally {
            discard(form);
        }
        return Response.created(locations.of("public", "reports", r.id()))
                .entity(reports.get(r.id()))
                .build();
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER"})
    public PublicReports.ReportView withdraw(@PathParam("id") String reviewId, WithdrawalBody body) {
        PublishedReport r = publications.withdraw(callers.caller(), reviewId, body == null ? null : body.reason());
        return PublicReports.view(r, java.util.Map.of());
    }

    /** The form's fields; the body's declared length was bounded by {@link UploadLengthFilter} before it was read. */
    public static PublicationService.Request request(FormDataMultiPart form) {
        if (form == null) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "report", "is required: a PDF or Word (.docx) file");
        }
        return new PublicationService.Request(
                text(form, "title"),
                texts(form, "themes"),
                text(form, "ageBand"),
                text(form, "year"),
                file(form, "report"),
                file(form, "response"),
                texts(form, "redactionNames"),
                text(form, "overrideReason"));
    }

    /** Removes the parts the multipart reader kept in temporary files, whatever the answer. */
    public static void discard(FormDataMultiPart form) {
        if (form != null) {
            try {
                form.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String text(FormDataMultiPart form, String name) {
        FormDataBodyPart part = form.getField(name);
        return part == null ? null : value(part, name);
    }

    static List<String> texts(FormDataMultiPart form, String name) {
        List<FormDataBodyPart> parts = form.getFields(name);
        return parts == null
                ? List.of()
                : parts.stream().map(p -> value(p, name)).toList();
    }

    /**
     * A text field's value. Jersey refuses a part that is not {@code text/plain} ({@link IllegalStateException}) or
     * names a character set it does not know ({@link IllegalArgumentException}): the caller's mistake, a 400.
     */
    private static String value(FormDataBodyPart part, String name) {
        try {
            return part.getValue();
        } catch (IllegalStateException | IllegalArgumentException notPlainText) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    name, "must be a text field of the form (text/plain in a known character set)");
        }
    }

    static byte[] file(FormDataMultiPart form, String name) {
        FormDataBodyPart part = form.getField(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getValueAs(InputStream.class)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BODY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
