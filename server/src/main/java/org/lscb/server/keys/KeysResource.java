package org.lscb.server.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.server.auth.CallerResolver;

/** Enrolment and the caller's certificates (docs/api.md "Keys and certificates"). */
@Path("keys")
public class KeysResource {

    /** A PEM certificate request is a few kilobytes; anything much larger is not one. */
    static final int MAX_REQUEST = 20_000;

    private KeyService keys;
    private CallerResolver callers;

    protected KeysResource() {}

    @Inject
    public KeysResource(KeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    public record CertificateView(
            String id,
            String purpose,
            String subject,
            String fingerprint,
            String notBefore,
            String notAfter,
            String status,
            String accountId,
            String organisationId,
            String pem) {
        /**
         * A version of the upload gateway's certificate, bound to no account or organisation: {@code ACTIVE} for the
         * newest, {@code RETIRED} for one a renewal replaced (it signs nothing new; what it signed stays checkable).
         */
        static CertificateView ofGateway(CertificateAuthority.GatewayCertificate g) {
            java.security.cert.X509Certificate c = g.certificate();
            return new CertificateView(
                    c.getSerialNumber().toString(16),
                    "GATEWAY",
                    c.getSubjectX500Principal().getName(),
                    org.lscb.exchange.pki.Pem.fingerprint(c),
                    c.getNotBefore().toInstant().toString(),
                    c.getNotAfter().toInstant().toString(),
                    g.retiredAt().isPresent() ? "RETIRED" : "ACTIVE",
                    null,
                    null,
                    org.lscb.exchange.pki.Pem.certificate(c));
        }

        static CertificateView of(IssuedCertificate c) {
            return new CertificateView(
                    c.id(),
                    c.purpose().name(),
                    c.subject(),
                    c.fingerprint(),
                    c.notBefore().toString(),
                    c.notAfter().toString(),
                    c.revokedAt().isPresent() ? "REVOKED" : "ACTIVE",
                    c.accountId().orElse(null),
                    c.organisationId().orElse(null),
                    c.pem());
        }
    }

    /** Body: a PEM PKCS#10 request made where the private key lives; answer: the certificate as PEM. {@code ?for=board} for an LSCB's board key. */
    @POST
    @Path("enrol")
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
    @Consumes({"application/pkcs10", MediaType.TEXT_PLAIN, CaResource.PEM})
    @Produces(CaResource.PEM)
    public Response enrol(java.io.InputStream body, @QueryParam("for") String purpose) throws java.io.IOException {
        byte[] bytes = body.readNBytes(MAX_REQUEST + 1);
        if (bytes.length > MAX_REQUEST) {
            throw new org.lscb.server.error.BodyTooLargeException(MAX_REQUEST);
        }
        String csrPem = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        IssuedCertificate c = keys.enrol(callers.caller(), csrPem, KeyService.purpose(purpose));
        return Response.status(201)
                .header("X-Certificate-Id", c.id())
                .header("X-Certificate-Fingerprint", c.fingerprint())
                .entity(c.pem())
                .build();
    }

    @GET
    @Path("mine")
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
    @Produces(MediaType.APPLICATION_JSON)
    public List<CertificateView> mine() {
        return keys.mine(callers.caller()).stream().map(CertificateView::of).toList();
    }

    /** Any certificate's public facts and status, so that a client can refuse a revoked signer. */
    @GET
    @Path("{certId}")
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
    @Produces(MediaType.APPLICATION_JSON)
    public CertificateView status(@PathParam("certId") String certId) {
        try {
            return CertificateView.of(keys.status(certId));
        } catch (jakarta.ws.rs.NotFoundException notIssued) {
            return keys.gatewayCertificate(certId)
                    .map(CertificateView::ofGateway)
                    .orElseThrow(() -> notIssued);
        }
    }

    @POST
    @Path("{certId}/revoke")
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
    @Produces(MediaType.APPLICATION_JSON)
    public CertificateView revoke(@PathParam("certId") String certId) {
        return CertificateView.of(keys.revoke(callers.caller(), certId));
    }
}
