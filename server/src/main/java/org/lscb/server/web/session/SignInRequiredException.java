package org.lscb.server.web.session;

/** A page was asked for without a live session: the browser is sent to sign in, then back to {@code next}. */
public class SignInRequiredException extends RuntimeException {

    private final String next;

    public SignInRequiredException(String next) {
        super("sign in first", null, false, false);
        this.next = next;
    }

    /** The page to return to after signing in: a path of this service, or null. */
    public String next() {
        return next;
    }
}
