package org.lscb.foundation.value;

import java.util.Map;

/**
 * A request refused for a reason the caller can act on: a stable {@link #code()} for programs, a sentence for
 * people, {@link #details()} for programs, and the {@link Kind} of refusal. The domain knows nothing of HTTP; the
 * server turns each kind into a status in one place. Anything else that goes wrong is a failure of the server.
 */
public class DomainException extends RuntimeException {

    /** What sort of refusal this is; the server answers each with one status. */
    public enum Kind {
        /** A value the caller sent breaks a rule. */
        INVALID,
        /** Who the caller is could not be established (wrong credentials, a missing second factor). */
        UNAUTHENTICATED,
        /** The caller is known and may not do this. */
        FORBIDDEN,
        /** No such object, or not the caller's to see: answered alike, so the message is never shown. */
        NOT_FOUND,
        /** The request arrived too slowly to be kept. */
        TOO_SLOW,
        /** The request conflicts with the rules or with where the object stands. */
        CONFLICT,
        /** The request is larger than accepted. */
        TOO_LARGE,
        /** The request is in a form this deployment does not accept. */
        UNSUPPORTED,
        /** Too many attempts: come back later ({@code retryAfterSeconds} in the details, when known). */
        TOO_MANY,
        /** No room to keep what was sent, now: come back later. */
        INSUFFICIENT_STORAGE
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public DomainException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind);
        this.code = java.util.Objects.requireNonNull(code);
    }

    public final Kind kind() {
        return kind;
    }

    /** The stable error code, such as {@code invalid_request} or {@code not_independent}. */
    public final String code() {
        return code;
    }

    /** Facts for programs (strings, numbers, booleans, and lists and maps of them); none unless a refusal has some. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
