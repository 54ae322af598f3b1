package org.lscb.envelope;

/**
 * An envelope could not be opened: wrong key, not addressed to this key, tampered, truncated or
 * badly signed. Deliberately says no more (docs/house-style.md rule 11); the cause is for the log only.
 */
public class EnvelopeOpeningException extends Exception {

    public EnvelopeOpeningException(Throwable cause) {
        super("cannot open envelope", cause);
    }

    public EnvelopeOpeningException() {
        super("cannot open envelope");
    }
}
