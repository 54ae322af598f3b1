package org.lscb.server.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorResponses;
import org.lscb.server.web.session.SignInRequiredException;

/**
 * Every exception a page resource lets out becomes a page in the service's style: a missing session sends
 * the browser to sign in; anything else gets the status and message the JSON API would give
 * ({@link ErrorResponses}, so the two never disagree), shown by {@link ErrorPages}. No stack trace reaches
 * a browser.
 */
@Provider
public class PageExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof SignInRequiredException s) {
            String next = s.next();
            String to = "/sign-in" + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return Response.seeOther(URI.create(to)).build();
        }
        Response api = ErrorResponses.toResponse(exception);
        ApiError error = api.getEntity() instanceof ApiError e ? e : ApiError.of("error", null);
        Response.ResponseBuilder page = ErrorPages.response(api.getStatus(), error.message());
        Object retryAfter = api.getHeaderString("Retry-After");
        if (retryAfter != null) {
            page.header("Retry-After", retryAfter);
        }
        return page.build();
    }
}
