package org.lscb.server.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error page for what the container answers itself (a refused token, an unknown path, a wrong
 * method), so that those answers carry the same JSON error shape as the API's own. Mapped in web.xml.
 */
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
        ErrorBodies.write(resp, status, ApiError.of(error, message));
    }
}
