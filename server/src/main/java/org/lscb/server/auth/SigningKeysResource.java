package org.lscb.server.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.lscb.server.json.RejectUnknownFields;

/** {@code POST /api/v1/auth/signing-keys/rotation}: a new token signing key for every server (docs/api.md "Authentication"). */
@Path("auth/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    private SigningKeyRotation rotation;
    private CallerResolver callers;

    protected SigningKeysResource() {}

    @Inject
    public SigningKeysResource(SigningKeyRotation rotation, CallerResolver callers) {
        this.rotation = rotation;
        this.callers = callers;
    }

    /** Why the key is rotated, kept in the audit entry; an unknown field is refused rather than dropped. */
    @RejectUnknownFields
    public record RotationBody(String reason) {}

    public record RotationView(String keyId, int version, Instant createdAt, List<String> publishedKeyIds) {}

    @POST
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public RotationView rotate(RotationBody body) {
        return rotation.rotate(callers.caller(), body == null ? null : body.reason());
    }
}
