package org.lscb.exchange.store;

import org.lscb.foundation.value.DomainException;

/** The blob store's disk is (nearly) full: the upload is refused (507) and nothing of it is kept. */
public class InsufficientStorageException extends DomainException {

    public InsufficientStorageException() {
        this(null);
    }

    /** {@code cause}: the failed write that found the disk full. */
    public InsufficientStorageException(Throwable cause) {
        super(
                Kind.INSUFFICIENT_STORAGE,
                "insufficient_storage",
                "the server has no room to store this document now; try again later",
                cause);
    }
}
