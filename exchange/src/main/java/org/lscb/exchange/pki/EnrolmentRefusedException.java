package org.lscb.exchange.pki;

import org.lscb.foundation.value.DomainException;

/** A certificate request cannot be honoured: unreadable, badly signed, or a key outside the profile (400). */
public class EnrolmentRefusedException extends DomainException {

    public EnrolmentRefusedException(String message) {
        super(Kind.INVALID, "invalid_request", message);
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("field", "body");
    }
}
