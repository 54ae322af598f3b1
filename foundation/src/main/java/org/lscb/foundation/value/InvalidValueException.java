package org.lscb.foundation.value;

import java.util.Map;

/** A value the caller supplied breaks a rule; names the field so the caller can fix it (400). */
public class InvalidValueException extends DomainException {

    private final String field;
    private final String rule;

    public InvalidValueException(String field, String message) {
        super(Kind.INVALID, "invalid_request", field + ": " + message);
        this.field = field;
        this.rule = message;
    }

    public String field() {
        return field;
    }

    /** What the value breaks, without the field's name ("must not be empty"): for a page to put after its label. */
    public String rule() {
        return rule;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("field", field);
    }
}
