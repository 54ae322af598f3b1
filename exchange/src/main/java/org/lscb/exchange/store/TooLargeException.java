package org.lscb.exchange.store;

import org.lscb.foundation.value.DomainException;

/** A body went past the configured size cap while it streamed in (413); nothing of it is kept. */
public class TooLargeException extends DomainException {

    public TooLargeException(long limit) {
        super(Kind.TOO_LARGE, "too_large", "the document is larger than the limit of " + limit + " bytes");
    }
}
