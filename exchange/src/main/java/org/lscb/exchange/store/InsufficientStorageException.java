package org.lscb.exchange.store;

/** The blob store's disk is (nearly) full: the upload is refused (507) and nothing of it is kept. */
public class InsufficientStorageException extends RuntimeException {

    public InsufficientStorageException() {
        this(null);
    }

    /** {@code cause}: the failed write that found the disk full. */
    public InsufficientStorageException(Throwable cause) {
        super("the server has no room to store this document now; try again later", cause);
    }
}
