package org.lscb.registry.reviewer;

import org.lscb.foundation.value.DomainException;

/** A part of a reviewer (evidence, affiliation) named by id does not exist (404). */
public class UnknownPartException extends DomainException {

    public UnknownPartException(String part, String id) {
        super(Kind.NOT_FOUND, "not_found", "no " + part + " " + id);
    }
}
