package org.lscb.server.error;

/** The request body is not JSON this server accepts (syntax, depth, duplicate keys, types). */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
