package org.lscb.server.error;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.SignInRefusedException;

/** Turns every failure into the one JSON error shape with the right status. */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public static Response toResponse(Throwable t) {
        InvalidValueException invalid = find(t, InvalidValueException.class);
        if (invalid != null) {
            return build(400, ApiError.of("invalid_request", invalid.getMessage(), Map.of("field", invalid.field())));
        }
        if (t instanceof SignInRefusedException refused) {
            if (refused.retryAfter().isPresent()) {
                long seconds = Math.max(1, refused.retryAfter().get().toSeconds());
                return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Retry-After", seconds)
                        .entity(ApiError.of("too_many_attempts", refused.getMessage(), Map.of("retryAfterSeconds", seconds)))
                        .build();
            }
            if (refused.asksForOtp()) {
                return build(401, ApiError.of("otp_required", refused.getMessage()));
            }
            return build(401, ApiError.of("invalid_credentials", refused.getMessage()));
        }
        if (t instanceof org.lscb.registry.reviewer.SelfVerificationException self) {
            return build(403, ApiError.of("self_verification", self.getMessage()));
        }
        if (t instanceof org.lscb.registry.reviewer.UnknownPartException) {
            return build(404, ApiError.of("not_found", sentence(404)));
        }
        if (t instanceof org.lscb.reviews.NotIndependentException ni) {
            return build(409, ApiError.of("not_independent", ni.getMessage(), Map.of(
                    "independent", ni.answer().independent(),
                    "independentOfLscb", ni.answer().independentOfLscb(),
                    "conflicts", ni.answer().conflicts().stream().map(c -> {
                        Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("reason", c.reason().name());
                        m.put("organisationId", c.organisationId());
                        m.put("from", c.from() == null ? null : c.from().toString());
                        m.put("to", c.to() == null ? null : c.to().toString());
                        m.put("detail", c.detail());
                        return m;
                    }).toList())));
        }
        if (t instanceof org.lscb.envelope.UnsupportedEnvelopeException unsupported) {
            return build(415, ApiError.of("unsupported_envelope", unsupported.getMessage()));
        }
        if (find(t, org.lscb.exchange.store.InsufficientStorageException.class) != null) {
            return build(507, ApiError.of("insufficient_storage", find(t, org.lscb.exchange.store.InsufficientStorageException.class).getMessage()));
        }
        if (find(t, java.io.IOException.class) != null && String.valueOf(find(t, java.io.IOException.class).getMessage()).contains("No space left")) {
            return build(507, ApiError.of("insufficient_storage", "the server has no room to store this document now; try again later"));
        }
        if (find(t, org.lscb.exchange.store.TooSlowException.class) != null) {
            return build(408, ApiError.of("too_slow", find(t, org.lscb.exchange.store.TooSlowException.class).getMessage()));
        }
        if (find(t, java.util.concurrent.TimeoutException.class) != null || find(t, java.net.SocketTimeoutException.class) != null) {
            // the HTTP server's read timeout ended a body that stopped arriving altogether
            return build(408, ApiError.of("too_slow", "the request body stopped arriving; check the connection and send it again"));
        }
        if (find(t, org.lscb.exchange.store.TooLargeException.class) != null) {
            return build(413, ApiError.of("too_large", find(t, org.lscb.exchange.store.TooLargeException.class).getMessage()));
        }
        if (find(t, org.lscb.envelope.EnvelopeTooLargeException.class) != null) {
            // plain uploads are capped below this; kept so that no other path can turn the JDK's AES-GCM limit into a 500
            return build(413, ApiError.of("too_large", find(t, org.lscb.envelope.EnvelopeTooLargeException.class).getMessage()));
        }
        if (t instanceof org.lscb.server.document.RecipientSetException set) {
            return build(400, ApiError.of("recipient_set", set.getMessage(), Map.of("missing", set.missing(), "strangers", set.strangers())));
        }
        if (t instanceof org.lscb.server.document.DigestMismatchException mismatch) {
            return build(400, ApiError.of("digest_mismatch", mismatch.getMessage(), Map.of("field", "Content-Digest",
                    "algorithm", mismatch.algorithm())));
        }
        if (t instanceof org.lscb.exchange.pki.EnrolmentRefusedException refused) {
            return build(400, ApiError.of("invalid_request", refused.getMessage(), Map.of("field", "body")));
        }
        if (t instanceof ConflictException conflict) {
            return build(409, ApiError.of(conflict.code(), conflict.getMessage()));
        }
        if (t instanceof org.lscb.reviews.ReviewRuleException rule) {
            return build(409, ApiError.of(rule.code(), rule.getMessage()));
        }
        if (t instanceof org.lscb.reviews.UnknownAppointmentException) {
            return build(404, ApiError.of("not_found", sentence(404)));
        }
        if (find(t, jakarta.persistence.OptimisticLockException.class) != null) {
            return build(409, ApiError.of("conflict", "someone else changed this at the same time; read it again and retry"));
        }
        if (t instanceof BodyTooLargeException tooLarge) {
            return build(413, ApiError.of("too_large", tooLarge.getMessage()));
        }
        if (t instanceof MalformedJsonException || find(t, JsonParsingException.class) != null
                || find(t, JsonbException.class) != null) {
            return build(400, ApiError.of("invalid_request", "the body is not acceptable JSON: " + safeMessage(t)));
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 500) {
                return internal(t);
            }
            Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(ApiError.codeFor(status), sentence(status)));
            if (wae instanceof NotAuthorizedException) {
                b.header("WWW-Authenticate", "Bearer");
            }
            return b.build();
        }
        return internal(t);
    }

    /** 429 with Retry-After: too much of this work is waiting; the caller is to come back a little later. */
    public static Response busy(String sentence, long retryAfterSeconds) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(ApiError.of("busy", sentence, Map.of("retryAfterSeconds", retryAfterSeconds))).build();
    }

    static Response build(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    private static Response internal(Throwable t) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "internal error " + incident, t);
        return build(500, ApiError.of("internal_error", "the server failed; quote incident " + incident,
                Map.of("incident", incident)));
    }

    public static String sentence(int status) {
        return switch (status) {
            case 401 -> "a valid bearer token is required";
            case 403 -> "your roles do not allow this";
            case 404 -> "no such object, or not yours to see";
            case 405 -> "this method is not allowed here";
            case 406 -> "the server cannot answer in the media type asked for";
            case 413 -> "the request body is too large";
            case 415 -> "the request body's media type is not accepted here";
            default -> "the request cannot be processed";
        };
    }

    private static String safeMessage(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return "malformed";
        }
        m = m.replaceAll("[\\p{Cntrl}]", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
