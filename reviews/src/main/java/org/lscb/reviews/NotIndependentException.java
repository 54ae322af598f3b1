package org.lscb.reviews;

import org.lscb.registry.independence.IndependenceAnswer;

/** A lead reviewer failed the independence check and no Chair override was given (409 not_independent). */
public class NotIndependentException extends RuntimeException {

    private final transient IndependenceAnswer answer;

    public NotIndependentException(String reviewerId, String reviewId, IndependenceAnswer answer) {
        super("Reviewer " + reviewerId + " is not independent of review " + reviewId + ": "
                + answer.conflicts().stream().map(c -> c.reason() + " (" + c.detail() + ")").reduce((a, b) -> a + "; " + b).orElse("")
                + ". Only the LSCB Chair can override this, with a written reason.");
        this.answer = answer;
    }

    public IndependenceAnswer answer() {
        return answer;
    }
}
