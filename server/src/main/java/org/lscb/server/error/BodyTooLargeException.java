package org.lscb.server.error;

/** The request body is larger than this endpoint accepts (413). */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
