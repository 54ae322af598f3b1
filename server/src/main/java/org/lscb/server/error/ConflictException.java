package org.lscb.server.error;

import org.lscb.foundation.value.DomainException;

/** The request conflicts with the object's state (409), with a stable error code the caller can act on. */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }
}
