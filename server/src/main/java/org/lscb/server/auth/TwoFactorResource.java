package org.lscb.server.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.foundation.value.InvalidValueException;

/**
 * Setting up two-factor sign-in (TOTP) for the signed-in account. The only endpoints a token issued
 * for enrolment ({@link TokenIssuer#ENROLMENT_GROUP}) reaches.
 */
@Path("auth/totp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    private TwoFactorService twoFactor;
    private CallerResolver callers;

    protected TwoFactorResource() {}

    @Inject
    public TwoFactorResource(TwoFactorService twoFactor, CallerResolver callers) {
        this.twoFactor = twoFactor;
        this.callers = callers;
    }

    public record Confirmation(String otp) {}

    public record ConfirmedBody(List<String> recoveryCodes, String access_token, String token_type, long expires_in) {}

    /** Whether the caller has two-factor sign-in, since when, and how many recovery codes are left. */
    @GET
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR",
        TokenIssuer.ENROLMENT_GROUP
    })
    public TwoFactorService.Status status() {
        return twoFactor.status(callers.caller());
    }

    /** A new secret to scan: 201 with {@code secret}, {@code otpauthUri} and {@code qrCode} (an SVG data URI). Shown once. */
    @POST
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR",
        TokenIssuer.ENROLMENT_GROUP
    })
    public Response start() {
        return Response.status(Response.Status.CREATED)
                .entity(twoFactor.start(callers.caller()))
                .build();
    }

    /** The first code confirms it: answers the recovery codes (shown once) and a full token. */
    @POST
    @Path("confirm")
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR",
        TokenIssuer.ENROLMENT_GROUP
    })
    public ConfirmedBody confirm(Confirmation body) {
        if (body == null) {
            throw new InvalidValueException("otp", "is required: the six-digit code the authenticator app shows now");
        }
        if (body.otp() != null && body.otp().length() > 64) {
            throw new InvalidValueException("otp", "is longer than any one-time code");
        }
        TwoFactorService.Confirmed c = twoFactor.confirm(callers.caller(), body.otp());
        return new ConfirmedBody(
                c.recoveryCodes(), c.token().value(), "Bearer", c.token().expiresInSeconds());
    }
}
