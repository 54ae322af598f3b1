package org.lscb.server.auth;

import java.time.Duration;
import java.util.Map;
import org.lscb.foundation.value.DomainException;

/**
 * Sign-in refused: wrong name, password or code (401 {@code invalid_credentials}), a right password for an
 * account whose second factor was not given (401 {@code otp_required}), or too many failures from this
 * client for this name (429).
 */
public class SignInRefusedException extends DomainException {

    private final Duration retryAfter;
    private final boolean otpRequired;

    private SignInRefusedException(String message, Duration retryAfter, boolean otpRequired) {
        super(
                retryAfter != null ? Kind.TOO_MANY : Kind.UNAUTHENTICATED,
                retryAfter != null ? "too_many_attempts" : otpRequired ? "otp_required" : "invalid_credentials",
                message);
        this.retryAfter = retryAfter;
        this.otpRequired = otpRequired;
    }

    public static SignInRefusedException wrong() {
        return new SignInRefusedException("username, password or one-time code is not right", null, false);
    }

    public static SignInRefusedException locked(Duration retryAfter) {
        return new SignInRefusedException(
                "too many failed sign-ins for this username from here; try again later", retryAfter, false);
    }

    public static SignInRefusedException otpRequired() {
        return new SignInRefusedException(
                "this account signs in with a one-time code as well: send it as otp", null, true);
    }

    /** Present when the name is locked for this client. */
    public java.util.Optional<Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public boolean asksForOtp() {
        return otpRequired;
    }

    /** When locked, after how many whole seconds (at least one) to try again. */
    @Override
    public Map<String, Object> details() {
        return retryAfter == null ? Map.of() : Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
    }
}
