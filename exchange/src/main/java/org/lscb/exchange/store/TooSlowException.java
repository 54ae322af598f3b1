package org.lscb.exchange.store;

import java.time.Duration;

/** A body arrived more slowly than the configured minimum rate (408); nothing of it is kept. */
public class TooSlowException extends RuntimeException {

    public TooSlowException(long minBytes, Duration window) {
        super("the document arrived too slowly: at least " + minBytes + " bytes every " + window.toSeconds()
                + " s are needed; check the connection and send it again");
    }
}
