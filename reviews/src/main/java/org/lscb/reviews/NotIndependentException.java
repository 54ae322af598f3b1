package org.lscb.reviews;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lscb.foundation.value.DomainException;
import org.lscb.registry.independence.IndependenceAnswer;

/** A lead reviewer failed the independence check and no Chair override was given (409 not_independent). */
public class NotIndependentException extends DomainException {

    private final transient IndependenceAnswer answer;

    public NotIndependentException(String reviewerId, String reviewId, IndependenceAnswer answer) {
        super(
                Kind.CONFLICT,
                "not_independent",
                "Reviewer " + reviewerId + " is not independent of review " + reviewId + ": "
                        + answer.conflicts().stream()
                                .map(c -> c.reason() + " (" + c.detail() + ")")
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("")
                        + ". Only the LSCB Chair can override this, with a written reason.");
        this.answer = answer;
    }

    public IndependenceAnswer answer() {
        return answer;
    }

    /** The answer for programs: whether independent (of the board too), and each conflict with its dates. */
    @Override
    public Map<String, Object> details() {
        return Map.of(
                "independent", answer.independent(),
                "independentOfLscb", answer.independentOfLscb(),
                "conflicts",
                        answer.conflicts().stream()
                                .map(c -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("reason", c.reason().name());
                                    m.put("organisationId", c.organisationId());
                                    m.put(
                                            "from",
                                            c.from() == null ? null : c.from().toString());
                                    m.put("to", c.to() == null ? null : c.to().toString());
                                    m.put("detail", c.detail());
                                    return m;
                                })
                                .toList());
    }
}
