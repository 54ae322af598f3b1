package org.lscb.server.document;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;

/**
 * What an upload's {@code Content-Digest} field (RFC 9530) says its body's digests are: for example
 * {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}. The digest covers the request body exactly
 * as it was sent: the envelope's bytes for an envelope upload (the outer SignedData when there is one),
 * the plaintext for a plain upload, which the server seals itself.
 *
 * <p>sha-256 and sha-512 are checked. Any other algorithm is ignored, as RFC 9530 lets a recipient do, so a
 * field naming only others checks nothing. A field that is not an RFC 8941 dictionary, or whose sha-256 or
 * sha-512 is not a byte sequence of that algorithm's length, is refused (400 naming the field) rather than
 * ignored: its sender meant the upload to be checked, and should hear that it cannot be.
 */
public final class ContentDigest {

    static final String FIELD = "Content-Digest";

    /** The algorithms checked, by their names in the IANA Hash Algorithms for HTTP Digest Fields registry. */
    public enum Algorithm {
        SHA_256("sha-256", "SHA-256", 32),
        SHA_512("sha-512", "SHA-512", 64);

        private final String key;
        private final String jdkName;
        private final int length;

        Algorithm(String key, String jdkName, int length) {
            this.key = key;
            this.jdkName = jdkName;
            this.length = length;
        }

        public String key() {
            return key;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(jdkName);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + jdkName, e);
            }
        }
    }

    /** No field, or one naming no algorithm checked here: nothing to check. */
    public static final ContentDigest NONE = new ContentDigest(Map.of());

    private final Map<Algorithm, byte[]> expected;

    private ContentDigest(Map<Algorithm, byte[]> expected) {
        this.expected = expected;
    }

    /**
     * From the field's lines as they arrived (none when the field is absent).
     *
     * @throws InvalidValueException naming {@value #FIELD} when the field is malformed
     */
    public static ContentDigest of(List<String> fieldLines) {
        if (fieldLines == null || fieldLines.isEmpty()) {
            return NONE;
        }
        Map<String, Optional<byte[]>> members;
        try {
            members = StructuredDictionary.parse(String.join(",", fieldLines));
        } catch (StructuredDictionary.MalformedFieldException e) {
            throw new InvalidValueException(
                    FIELD,
                    "must be a dictionary such as sha-256=:<base64 of the body's SHA-256>: (RFC 9530): "
                            + e.getMessage());
        }
        Map<Algorithm, byte[]> expected = new EnumMap<>(Algorithm.class);
        for (Algorithm a : Algorithm.values()) {
            if (members.containsKey(a.key)) {
                byte[] digest = members.get(a.key)
                        .orElseThrow(
                                () -> new InvalidValueException(FIELD, a.key + " must be a byte sequence, :<base64>:"));
                if (digest.length != a.length) {
                    throw new InvalidValueException(
                            FIELD, a.key + " must be " + a.length + " bytes, not " + digest.length);
                }
                expected.put(a, digest);
            }
        }
        return expected.isEmpty() ? NONE : new ContentDigest(Collections.unmodifiableMap(expected));
    }

    /** The algorithms whose digests the field gives. */
    public Set<Algorithm> algorithms() {
        return expected.keySet();
    }

    /**
     * Compares the digests of what arrived with the field's, in constant time; {@code received} holds at least
     * every algorithm the field names.
     *
     * @throws DigestMismatchException naming the first algorithm whose digest differs
     */
    public void verify(Map<Algorithm, byte[]> received) {
        for (Map.Entry<Algorithm, byte[]> e : expected.entrySet()) {
            byte[] actual = received.get(e.getKey());
            if (actual == null) {
                throw new IllegalStateException(e.getKey().key + " of the body was not computed");
            }
            if (!MessageDigest.isEqual(e.getValue(), actual)) {
                throw new DigestMismatchException(
                        e.getKey().key, ":" + Base64.getEncoder().encodeToString(actual) + ":");
            }
        }
    }
}
