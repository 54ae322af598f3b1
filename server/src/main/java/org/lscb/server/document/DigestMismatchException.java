package org.lscb.server.document;

import org.lscb.foundation.value.DomainException;

/**
 * The body that arrived does not have the digest its {@code Content-Digest} field names (400
 * {@code digest_mismatch}): it changed on the way, or the sender hashed something else. Nothing is kept.
 */
public class DigestMismatchException extends DomainException {

    private final String algorithm;

    public DigestMismatchException(String algorithm, String receivedDigest) {
        super(
                Kind.INVALID,
                "digest_mismatch",
                "the body received does not match its Content-Digest: its " + algorithm + " is " + receivedDigest
                        + "; nothing was kept. Send it again, with the digest of exactly the bytes sent");
        this.algorithm = algorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("field", "Content-Digest", "algorithm", algorithm);
    }
}
