package org.lscb.registry.reviewer;

/** A part of a reviewer (evidence, affiliation) named by id does not exist (404). */
public class UnknownPartException extends RuntimeException {

    public UnknownPartException(String part, String id) {
        super("no " + part + " " + id);
    }
}
