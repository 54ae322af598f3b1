package org.lscb.server.document;

/**
 * The body that arrived does not have the digest its {@code Content-Digest} field names (400
 * {@code digest_mismatch}): it changed on the way, or the sender hashed something else. Nothing is kept.
 */
public class DigestMismatchException extends RuntimeException {

    private final String algorithm;

    public DigestMismatchException(String algorithm, String receivedDigest) {
        super("the body received does not match its Content-Digest: its " + algorithm + " is " + receivedDigest
                + "; nothing was kept. Send it again, with the digest of exactly the bytes sent");
        this.algorithm = algorithm;
    }

    public String algorithm() {
        return algorithm;
    }
}
