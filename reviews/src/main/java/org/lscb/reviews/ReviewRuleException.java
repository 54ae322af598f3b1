package org.lscb.reviews;

import org.lscb.foundation.value.DomainException;

/**
 * A request conflicts with the guidance or with where the review stands (409). The code is stable
 * for tools: {@code scr_required}, {@code already_decided}, {@code not_an_scr}, {@code already_appointed},
 * {@code review_closed}, {@code duplicate_reference}.
 */
public class ReviewRuleException extends DomainException {

    public ReviewRuleException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }
}
