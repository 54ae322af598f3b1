package org.lscb.identity.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.lscb.foundation.value.InvalidValueException;

/**
 * A login name: lower-case letters, digits, dot, dash and underscore, 2 to 64 characters, and never in the
 * shape of an account id (a UUID), so that an audit entry's actor can never be read as another person.
 */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern ACCOUNT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException(
                    "username",
                    "must be 2-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        if (ACCOUNT_ID.matcher(value).matches()) {
            throw new InvalidValueException("username", "must not have the shape of an id (a UUID)");
        }
    }

    /** Normalises what a person typed at a login prompt; answers empty when it cannot be a username. */
    public static java.util.Optional<Username> parseLogin(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        return ALLOWED.matcher(lower).matches() && !ACCOUNT_ID.matcher(lower).matches()
                ? java.util.Optional.of(new Username(lower))
                : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
