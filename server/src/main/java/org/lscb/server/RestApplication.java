package org.lscb.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The HTTP API under {@code /api/v1}; every call but sign-in and the public keys needs a bearer token. */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"ADMIN", "LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER", "TOTP_ENROLMENT"})
public class RestApplication extends Application {
}
