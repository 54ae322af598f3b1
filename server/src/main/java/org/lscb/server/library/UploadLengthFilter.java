package org.lscb.server.library;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.lscb.server.error.BodyTooLargeException;

/**
 * Refuses a publication's upload by its {@code Content-Length} before the multipart reader reads the body: without
 * a length {@code 411}, over {@link PublicationResource#MAX_BODY} {@code 413}. Run after the caller's roles are
 * checked and before the entity is read, so an oversize or endless (chunked) body is never kept on disk.
 */
@Provider
@BoundedUpload
public class UploadLengthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        Long length = declared(ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (length == null) {
            throw new WebApplicationException(Response.Status.LENGTH_REQUIRED);
        }
        if (length > PublicationResource.MAX_BODY) {
            throw new BodyTooLargeException(PublicationResource.MAX_BODY);
        }
    }

    /** The declared length, or null when there is none or it is not a number (then treated as none). */
    static Long declared(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.valueOf(header.strip());
        } catch (NumberFormatException notALength) {
            return null;
        }
    }
}
