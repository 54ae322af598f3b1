package org.lscb.reviews;

/**
 * A request conflicts with the guidance or with where the review stands (409). The code is stable
 * for tools: {@code scr_required}, {@code already_decided}, {@code not_an_scr}, {@code already_appointed},
 * {@code review_closed}, {@code duplicate_reference}.
 */
public class ReviewRuleException extends RuntimeException {

    private final String code;

    public ReviewRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
