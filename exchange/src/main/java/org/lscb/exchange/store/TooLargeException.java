package org.lscb.exchange.store;

/** A body went past the configured size cap while it streamed in (413); nothing of it is kept. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(long limit) {
        super("the document is larger than the limit of " + limit + " bytes");
    }
}
