package org.lscb.exchange.pki;

/** A certificate request cannot be honoured: unreadable, badly signed, or a key outside the profile (400). */
public class EnrolmentRefusedException extends RuntimeException {

    public EnrolmentRefusedException(String message) {
        super(message);
    }
}
