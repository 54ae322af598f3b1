package org.lscb.server.document;

import java.util.List;
import org.lscb.foundation.value.DomainException;

/** An envelope is not addressed to exactly the review's recipient set (400 recipient_set): who is missing, how many strangers. */
public class RecipientSetException extends DomainException {

    private final List<String> missing;
    private final int strangers;

    public RecipientSetException(List<String> missing, int strangers) {
        super(
                Kind.INVALID,
                "recipient_set",
                (missing.isEmpty()
                                ? ""
                                : "the envelope is not encrypted to every required recipient (missing " + missing + ")")
                        + (!missing.isEmpty() && strangers > 0 ? "; " : "")
                        + (strangers > 0
                                ? "the envelope is encrypted to " + strangers + " recipient(s) outside the review's set"
                                : "")
                        + "; GET /api/v1/reviews/{id}/recipients lists the certificates to use");
        this.missing = List.copyOf(missing);
        this.strangers = strangers;
    }

    public List<String> missing() {
        return missing;
    }

    public int strangers() {
        return strangers;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("missing", missing, "strangers", strangers);
    }
}
