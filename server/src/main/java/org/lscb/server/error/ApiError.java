package org.lscb.server.error;

import java.util.Map;

/** The one error shape of docs/api.md: a stable code, a sentence for people, details for programs. */
public record ApiError(String error, String message, Map<String, Object> details) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, Map.of());
    }

    public static ApiError of(String error, String message, Map<String, Object> details) {
        return new ApiError(error, message, details);
    }

    /** Stable codes for each status when nothing more specific applies. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_attempts";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "invalid_request";
        };
    }
}
