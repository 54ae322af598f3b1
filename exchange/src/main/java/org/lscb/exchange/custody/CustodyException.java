package org.lscb.exchange.custody;

import org.lscb.foundation.value.DomainException;

/** A custody request that conflicts with where the split or the request stands ({@code 409}, with its code). */
public class CustodyException extends DomainException {

    public CustodyException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }
}
