package org.lscb.server.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.json.RejectUnknownFields;

/** {@code POST /api/v1/ca/gateway-key/renewal}: a new upload gateway key (docs/api.md "Keys and certificates"). */
@Path("ca/gateway-key")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayKeyResource {

    private GatewayKeyRenewal renewal;
    private CallerResolver callers;

    protected GatewayKeyResource() {}

    @Inject
    public GatewayKeyResource(GatewayKeyRenewal renewal, CallerResolver callers) {
        this.renewal = renewal;
        this.callers = callers;
    }

    /** Why the key is renewed, kept in the audit entry; an unknown field is refused rather than dropped. */
    @RejectUnknownFields
    public record RenewalBody(String reason) {}

    @POST
    @Path("renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public GatewayKeyRenewal.RenewedGateway renew(RenewalBody body) {
        return renewal.renew(callers.caller(), body == null ? null : body.reason());
    }
}
