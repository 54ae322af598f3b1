package org.lscb.server.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.DocumentType;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.CallerResolver;

/**
 * The certificates a new document of a type ({@code ?type=IMR}) for a review must be encrypted to, for anyone who
 * can see the review: a PEM bundle (for {@code openssl cms -recip}; {@code Accept: application/x-pem-file} or
 * {@code ?format=pem}) or, by default, a JSON list with subjects and fingerprints. Who receives a type is the
 * need-to-know rule ({@link org.lscb.exchange.store.NeedToKnow}); without a type the answer is for {@code OTHER},
 * which is sealed to nobody who receives only particular documents (the coroner).
 */
@Path("reviews/{id}/recipients")
public class ReviewRecipientsResource {

    private KeyService keys;
    private CallerResolver callers;

    protected ReviewRecipientsResource() {}

    @Inject
    public ReviewRecipientsResource(KeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    @Produces({MediaType.APPLICATION_JSON, CaResource.PEM})
    public Response recipients(
            @PathParam("id") String reviewId,
            @QueryParam("type") String type,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        DocumentType documentType = type == null || type.isBlank()
                ? DocumentType.OTHER
                : org.lscb.server.json.Enums.parse(DocumentType.class, type, "type");
        boolean pem = format != null
                ? pemFormat(format)
                : headers.getAcceptableMediaTypes().stream()
                        .findFirst()
                        .map(m -> m.toString().startsWith(CaResource.PEM))
                        .orElse(false);
        List<IssuedCertificate> certs = keys.recipients(callers.caller(), reviewId, documentType);
        if (pem) {
            return Response.ok(
                            String.join(
                                    "",
                                    certs.stream().map(IssuedCertificate::pem).toList()),
                            CaResource.PEM)
                    .build();
        }
        return Response.ok(certs.stream().map(KeysResource.CertificateView::of).toList(), MediaType.APPLICATION_JSON)
                .build();
    }

    private static boolean pemFormat(String format) {
        return switch (format) {
            case "pem" -> true;
            case "json" -> false;
            default -> throw new InvalidValueException("format", "must be pem or json");
        };
    }
}
