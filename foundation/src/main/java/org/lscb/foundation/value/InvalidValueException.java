package org.lscb.foundation.value;

import java.util.Map;

/** A value the caller supplied breaks a rule; names the field so the caller can fix it (400). */
public class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(Kind.INVALID, "invalid_request", field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("field", field);
    }
}
