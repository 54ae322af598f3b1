package org.lscb.client;

/** A failure the user can understand and act on: printed as one line, exit status 1. */
public class ClientException extends RuntimeException {

    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
