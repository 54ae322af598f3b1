package org.lscb.envelope;

import java.io.IOException;

/**
 * The content is larger than one AES-256-GCM envelope can hold here: the JDK's AES-GCM takes at most
 * 2 GiB - 1 byte, tag included, under one key and nonce (GCM itself allows 64 GiB). Nothing sealed up to that point is
 * usable; the caller refuses the document or seals it with the AES-256-CBC profile.
 */
public class EnvelopeTooLargeException extends IOException {

    public EnvelopeTooLargeException(long limit) {
        super("an AES-256-GCM envelope holds at most " + limit + " bytes of content here");
    }
}
