package org.lscb.server.auth;

import java.time.Duration;

/** Sign-in refused: wrong name or password (401), or the name is locked for a while (429). */
public class SignInRefusedException extends RuntimeException {

    private final Duration retryAfter;

    public SignInRefusedException(Duration retryAfter) {
        super(retryAfter == null ? "username or password is not right"
                : "too many failed sign-ins for this username; try again later");
        this.retryAfter = retryAfter;
    }

    /** Present when the name is locked. */
    public java.util.Optional<Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }
}
