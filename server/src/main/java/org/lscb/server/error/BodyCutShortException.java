package org.lscb.server.error;

import java.io.EOFException;
import org.lscb.foundation.value.DomainException;

/**
 * The client closed its side before sending the body it declared (400): a failure of the client or its network,
 * answered in the error shape if the client still listens, and never logged as the server's own failure, which
 * would let anyone fill the log with stack traces.
 */
public class BodyCutShortException extends DomainException {

    public BodyCutShortException(EOFException cause) {
        super(Kind.INVALID, "body_cut_short", "the request body ended before the length it declared", cause);
    }
}
