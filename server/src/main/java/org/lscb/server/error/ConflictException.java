package org.lscb.server.error;

/** The request conflicts with the object's state (409), with a stable error code the caller can act on. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
