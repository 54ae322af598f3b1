package org.lscb.exchange.store;

import java.time.Duration;
import org.lscb.foundation.value.DomainException;

/** A body arrived more slowly than the configured minimum rate (408); nothing of it is kept. */
public class TooSlowException extends DomainException {

    public TooSlowException(long minBytes, Duration window) {
        super(
                Kind.TOO_SLOW,
                "too_slow",
                "the document arrived too slowly: at least " + minBytes + " bytes every " + window.toSeconds()
                        + " s are needed; check the connection and send it again");
    }
}
