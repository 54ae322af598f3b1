package org.lscb.registry.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.lscb.registry.value.InvalidValueException;

/** A login name: lower-case letters, digits, dot, dash and underscore, 2 to 64 characters. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("username",
                    "must be 2-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
    }

    /** Normalises what a person typed at a login prompt; answers empty when it cannot be a username. */
    public static java.util.Optional<Username> parseLogin(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        return ALLOWED.matcher(lower).matches() ? java.util.Optional.of(new Username(lower)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
