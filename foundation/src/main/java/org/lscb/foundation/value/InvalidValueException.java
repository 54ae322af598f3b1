package org.lscb.foundation.value;

/** A value the caller supplied breaks a rule; names the field so the caller can fix it (400). */
public class InvalidValueException extends RuntimeException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
