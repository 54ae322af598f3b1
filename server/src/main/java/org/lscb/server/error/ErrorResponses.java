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
import org.lscb.envelope.EnvelopeTooLargeException;
import org.lscb.envelope.UnsupportedEnvelopeException;
import org.lscb.foundation.value.DomainException;
import org.lscb.foundation.value.DomainException.Kind;
import org.lscb.server.persistence.DatabaseUnreachable;

/**
 * Turns every failure into the one JSON error shape with the right status: a refusal ({@link DomainException}) by its
 * kind, code and details; what the HTTP layer, JSON binding or the database refuse by theirs; a database that cannot be
 * reached is a 503 with Retry-After ({@link DatabaseUnreachable}); anything else is a 500.
 */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {}

    public static Response toResponse(Throwable t) {
        DomainException refusal = refusal(t);
        if (refusal != null) {
            return refused(refusal);
        }
        if (DatabaseUnreachable.causes(t)) {
            // before the timeouts below: a connect timeout to the database is the server's outage, not a slow client
            return databaseUnavailable();
        }
        if (find(t, java.util.concurrent.TimeoutException.class) != null
                || find(t, java.net.SocketTimeoutException.class) != null) {
            // the HTTP server's read timeout ended a body that stopped arriving altogether
            return build(
                    408,
                    ApiError.of(
                            "too_slow", "the request body stopped arriving; check the connection and send it again"));
        }
        if (find(t, jakarta.persistence.OptimisticLockException.class) != null) {
            return build(
                    409,
                    ApiError.of("conflict", "someone else changed this at the same time; read it again and retry"));
        }
        // a request body is read only by StrictJsonReader, which turns every JSON-B failure into a
        // MalformedJsonException; a JSON-B failure that is not one comes from writing an answer: the server's fault
        if (t instanceof MalformedJsonException || find(t, JsonParsingException.class) != null) {
            return build(400, ApiError.of("invalid_request", "the body is not acceptable JSON: " + safeMessage(t)));
        }
        if (find(t, JsonbException.class) != null) {
            return internal(t);
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 500) {
                return internal(t);
            }
            Response.ResponseBuilder b = Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(ApiError.codeFor(status), sentence(status)));
            if (wae instanceof NotAuthorizedException) {
                b.header("WWW-Authenticate", "Bearer");
            }
            return b.build();
        }
        return internal(t);
    }

    /**
     * The refusal {@code t} is or was caused by: a {@link DomainException}, or one of the envelope module's two, which
     * cannot extend it (that module depends on nothing, so that clients can use it alone). Null for anything else.
     */
    static DomainException refusal(Throwable t) {
        DomainException refusal = find(t, DomainException.class);
        if (refusal != null) {
            return refusal;
        }
        if (t instanceof UnsupportedEnvelopeException unsupported) {
            return new DomainException(Kind.UNSUPPORTED, "unsupported_envelope", unsupported.getMessage(), unsupported);
        }
        EnvelopeTooLargeException tooLarge = find(t, EnvelopeTooLargeException.class);
        if (tooLarge != null) {
            // plain uploads are capped below this; kept so that no other path can turn the JDK's AES-GCM limit into a
            // 500
            return new DomainException(Kind.TOO_LARGE, "too_large", tooLarge.getMessage(), tooLarge);
        }
        return null;
    }

    /** The status that answers each kind of refusal. */
    static int status(Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case TOO_SLOW -> 408;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case TOO_MANY -> 429;
            case INSUFFICIENT_STORAGE -> 507;
        };
    }

    /** A refusal's answer before it becomes a {@link Response}: the status, the error body and any header it needs. */
    record Refused(int status, ApiError error, Map<String, Object> headers) {}

    /**
     * A refusal as the error shape: its code, its message (for NOT_FOUND the one sentence of every 404, which does not
     * say what was looked for) and its details; TOO_MANY says when to come back in Retry-After too.
     */
    static Refused answer(DomainException e) {
        String message = e.kind() == Kind.NOT_FOUND ? sentence(404) : e.getMessage();
        Map<String, Object> details = e.details();
        Object retryAfter = e.kind() == Kind.TOO_MANY ? details.get("retryAfterSeconds") : null;
        return new Refused(
                status(e.kind()),
                ApiError.of(e.code(), message, details),
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
    }

    private static Response refused(DomainException e) {
        Refused answer = answer(e);
        Response.ResponseBuilder b = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.error());
        answer.headers().forEach(b::header);
        return b.build();
    }

    /** 429 with Retry-After: too much of this work is waiting; the caller is to come back a little later. */
    public static Response busy(String sentence, long retryAfterSeconds) {
        return Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(ApiError.of("busy", sentence, Map.of("retryAfterSeconds", retryAfterSeconds)))
                .build();
    }

    /**
     * 503 with Retry-After: the request needed the database and it cannot be reached (or had no connection free within
     * the pool's timeout); the caller is to send it again a little later.
     */
    public static Response databaseUnavailable() {
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", DatabaseUnreachable.RETRY_AFTER_SECONDS)
                .entity(databaseUnavailableError())
                .build();
    }

    /** The error body of {@link #databaseUnavailable()}, for answers written outside JAX-RS. */
    public static ApiError databaseUnavailableError() {
        return ApiError.of(
                "database_unavailable",
                "the service cannot reach its database just now; try again shortly",
                Map.of("retryAfterSeconds", DatabaseUnreachable.RETRY_AFTER_SECONDS));
    }

    static Response build(int status, ApiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }

    private static Response internal(Throwable t) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "internal error " + incident, t);
        return build(
                500,
                ApiError.of(
                        "internal_error",
                        "the server failed; quote incident " + incident,
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
