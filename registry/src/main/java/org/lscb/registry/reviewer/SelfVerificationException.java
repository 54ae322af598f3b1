package org.lscb.registry.reviewer;

import org.lscb.foundation.value.DomainException;

/** A reviewer tried to verify their own evidence of qualification (refused: 403). */
public class SelfVerificationException extends DomainException {

    public SelfVerificationException(String reviewerId) {
        super(Kind.FORBIDDEN, "self_verification", "reviewer " + reviewerId + " cannot verify their own evidence");
    }
}
