package org.lscb.server.error;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every exception a resource lets out becomes the JSON error shape; no stack trace reaches a caller. */
@Provider
public class AnyExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ForbiddenException && (security == null || security.getUserPrincipal() == null)) {
            // a missing or unusable token is "who are you?", not "you may not"
            return ErrorResponses.toResponse(new jakarta.ws.rs.NotAuthorizedException("Bearer"));
        }
        return ErrorResponses.toResponse(exception);
    }
}
