package org.lscb.server.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The JSON error shape written outside JAX-RS: by the error page, servlet filters and the HTTP listener's guard. */
public final class ErrorBodies {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ErrorBodies() {}

    public static String json(ApiError error) {
        return JSON.toJson(error);
    }

    /** Answers with the status and the error; the caller adds any header the status needs first. */
    public static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(error));
    }
}
