package org.lscb.server.error;

import org.lscb.foundation.value.DomainException;

/** The request body is larger than this endpoint accepts (413). */
public class BodyTooLargeException extends DomainException {

    public BodyTooLargeException(long limit) {
        super(Kind.TOO_LARGE, "too_large", "the request body is larger than " + limit + " bytes");
    }
}
