package org.lscb.server.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error page for what the container answers itself (a refused token, an unknown path, a wrong
 * method), so that those answers carry the same JSON error shape as the API's own. Mapped in web.xml.
 */
public class ErrorServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        if (status >= 500) {
            status = 500;
        }
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        String error = status == 500 ? "internal_error" : ApiError.codeFor(status);
        String message = status == 500 ? "the server failed" : ErrorResponses.sentence(status);
        resp.getWriter().write(JSON.toJson(ApiError.of(error, message)));
    }
}
