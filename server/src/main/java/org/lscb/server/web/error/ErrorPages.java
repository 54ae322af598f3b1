package org.lscb.server.web.error;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Templates;

/**
 * The error pages, in the service's style, for a status and the API's sentence about it: GOV.UK's "Page
 * not found", "There is a problem with the service", "The service is unavailable" and so on, with what to do next. The 404 page never
 * says whether the thing asked for exists (a review of another board is "not found", as in the API).
 */
public final class ErrorPages {

    private ErrorPages() {}

    public record ErrorView(int status, String heading, String explanation, String detail) {}

    public static Response.ResponseBuilder response(int status, String apiMessage) {
        return Response.status(status).type(Pages.HTML).entity(html(status, apiMessage));
    }

    public static String html(int status, String apiMessage) {
        ErrorView view = view(status, apiMessage);
        return Templates.render(
                "pages/error.jte", Map.of("chrome", Chrome.anonymous(view.heading(), false, null), "error", view));
    }

    static ErrorView view(int status, String apiMessage) {
        return switch (status) {
            case 404 ->
                new ErrorView(
                        404,
                        "Page not found",
                        "If you typed the web address, check it is correct. If you followed a link, the page may have"
                                + " moved, or it may not be yours to see.",
                        null);
            case 403 ->
                new ErrorView(
                        403,
                        "You cannot do this",
                        "Your account does not allow this. If you think it should, ask your board's business manager.",
                        apiMessage);
            case 401 -> new ErrorView(401, "Sign in to continue", "Your session has ended. Sign in again.", null);
            case 405 -> new ErrorView(405, "Page not found", "This page cannot be used that way.", null);
            case 409 ->
                new ErrorView(
                        409,
                        "This has changed",
                        "Someone else changed this at the same time. Go back and try again.",
                        apiMessage);
            case 413 -> new ErrorView(413, "What you sent is too large", "Go back and send less.", apiMessage);
            case 429 -> new ErrorView(429, "Too many attempts", "Wait a little, then try again.", apiMessage);
            case 503 ->
                new ErrorView(
                        503,
                        "Sorry, the service is unavailable",
                        "You will be able to use the service again shortly. Wait a minute, then try again.",
                        null);
            default ->
                status >= 500
                        ? new ErrorView(
                                500,
                                "Sorry, there is a problem with the service",
                                "Try again later. If it keeps happening, tell your board's business manager.",
                                apiMessage)
                        : new ErrorView(
                                status,
                                "There is a problem with what you sent",
                                "Go back and check what you entered.",
                                apiMessage);
        };
    }
}
