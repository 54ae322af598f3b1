package org.lscb.server.document;

import java.util.List;
import java.util.Map;
import org.lscb.foundation.value.DomainException;

/**
 * An envelope of a document type is sealed to someone appointed to the review whose role does not need that type
 * ({@link org.lscb.exchange.store.NeedToKnow}): 400 {@code need_to_know}, naming the certificates and their
 * holders' roles. Nothing is stored.
 */
public class NeedToKnowException extends DomainException {

    private final Map<String, String> withheld;

    /** @param withheld certificate id to the appointment role of its holder */
    public NeedToKnowException(String type, String reviewId, Map<String, String> withheld) {
        super(
                Kind.INVALID,
                "need_to_know",
                "the envelope is encrypted to " + withheld.size() + " recipient(s) whose role does not receive " + type
                        + " documents ("
                        + String.join(
                                ", ",
                                withheld.entrySet().stream()
                                        .map(e -> e.getValue() + " certificate " + e.getKey())
                                        .toList())
                        + "): documents are sealed only to those whose role needs them; GET /api/v1/reviews/"
                        + reviewId + "/recipients?type=" + type + " lists the certificates to use");
        this.withheld = Map.copyOf(withheld);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("withheld", List.copyOf(withheld.keySet()));
    }
}
