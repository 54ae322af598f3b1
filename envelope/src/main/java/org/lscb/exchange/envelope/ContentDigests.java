package org.lscb.exchange.envelope;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * Our own digests of signed content, computed while it streams past, one per digest algorithm the
 * SignedData announces. A signature is then checked against these and never against a digest a parser
 * made up for an algorithm it was not told to compute (Bouncy Castle's parsers use the digest of empty
 * input then).
 */
final class ContentDigests {

    /** The profile's digests (SECURITY.md: SHA-256 or stronger) by their JDK names. */
    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.of(NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384", NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final Map<ASN1ObjectIdentifier, MessageDigest> running = new LinkedHashMap<>();
    private final Map<ASN1ObjectIdentifier, byte[]> done = new LinkedHashMap<>();

    /** Adds a digest algorithm; anything outside the profile is refused. */
    void add(ASN1ObjectIdentifier algorithm) {
        String name = NAMES.get(algorithm);
        if (name == null) {
            throw new UnsupportedEnvelopeException("a content digest " + algorithm);
        }
        if (!running.containsKey(algorithm)) {
            try {
                running.put(algorithm, MessageDigest.getInstance(name));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + name, e);
            }
        }
    }

    /** Writes through to {@code out}, updating every digest with the same bytes. */
    OutputStream tee(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (MessageDigest d : running.values()) {
                    d.update(b, off, len);
                }
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    /** Ends the content: the digests are final from here on. */
    void finish() {
        running.forEach((alg, d) -> done.put(alg, d.digest()));
        running.clear();
    }

    /** Our digest of the content with {@code algorithm}, if the SignedData announced it. */
    Optional<byte[]> of(ASN1ObjectIdentifier algorithm) {
        byte[] d = done.get(algorithm);
        return d == null ? Optional.empty() : Optional.of(d.clone());
    }
}
