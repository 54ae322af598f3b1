package org.lscb.envelope.custody;

/** A share that is malformed, or shares that do not rebuild the board's key; the message says which. */
public class KeyShareException extends RuntimeException {

    public KeyShareException(String message) {
        super(message);
    }
}
