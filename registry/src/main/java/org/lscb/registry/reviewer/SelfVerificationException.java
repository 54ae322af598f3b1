package org.lscb.registry.reviewer;

/** A reviewer tried to verify their own evidence of qualification (refused: 403). */
public class SelfVerificationException extends RuntimeException {

    public SelfVerificationException(String reviewerId) {
        super("reviewer " + reviewerId + " cannot verify their own evidence");
    }
}
