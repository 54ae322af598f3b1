package org.lscb.server.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorBodies;
import org.lscb.server.error.ErrorResponses;
import org.lscb.server.persistence.DatabaseUnreachable;
import org.lscb.server.web.error.ErrorPages;

/**
 * Error page for what the container answers itself (a refused token, an unknown path, a wrong
 * method): the API's JSON error shape under {@code /api/} and what Payara serves, and for anything else
 * the web pages' error page in the service's style. An exception outside JAX-RS that means the database cannot be
 * reached is the API's 503 database_unavailable with Retry-After, as in {@link ErrorResponses}. Mapped in web.xml.
 */
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
                && DatabaseUnreachable.causes(t)) {
            // a filter that needed the database (a session, an audit entry) could not reach it
            resp.setHeader("Retry-After", Long.toString(DatabaseUnreachable.RETRY_AFTER_SECONDS));
            ApiError unavailable = ErrorResponses.databaseUnavailableError();
            if (SecurityHeaders.forPath(originalPath(req)) == SecurityHeaders.PAGE) {
                resp.setStatus(503);
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(ErrorPages.html(503, unavailable.message()));
                return;
            }
            ErrorBodies.write(resp, 503, unavailable);
            return;
        }
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        if (status >= 500) {
            status = 500;
        }
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        String error = status == 500 ? "internal_error" : ApiError.codeFor(status);
        String message = status == 500 ? "the server failed" : ErrorResponses.sentence(status);
        if (SecurityHeaders.forPath(originalPath(req)) == SecurityHeaders.PAGE) {
            resp.setStatus(status);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(ErrorPages.html(status, message));
            return;
        }
        ErrorBodies.write(resp, status, ApiError.of(error, message));
    }

    private static String originalPath(HttpServletRequest req) {
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : req.getRequestURI();
    }
}
