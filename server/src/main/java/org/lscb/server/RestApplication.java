package org.lscb.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/** The HTTP API under {@code /api/v1}; every call but sign-in and the public keys needs a bearer token. */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
    "ADMIN",
    "LSCB_OFFICER",
    "AGENCY_USER",
    "REVIEWER",
    "PAEDIATRICIAN",
    "CORONER",
    "CDOP_MEMBER",
    "TOTP_ENROLMENT"
})
public class RestApplication extends Application {

    /** Jersey's own settings, by name, so that nothing here depends on Jersey's classes. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                // no /application.wadl and no WADL answer to OPTIONS: the API is described at /openapi only
                "jersey.config.server.wadl.disableWadl", true,
                // a Location is sent as PublicLocations built it, not resolved against the request's Host
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
