package org.lscb.envelope.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The digests of a signed document, computed over the bytes exactly as the Opener writes them out, with
 * the profile's SHA-2 algorithms that the SignedData lists in its {@code digestAlgorithms}.
 *
 * <p>Bouncy Castle's SignedData parser hashes the content only with the listed algorithms, and for a
 * signer whose algorithm is not listed it checks the signed {@code messageDigest} against the digest of
 * nothing at all; a signature over an empty document could then be moved onto any content. So the
 * Opener asks {@link #of} for the signer's digest, which exists only if it was listed and computed over
 * what was written, and compares it itself. The parser is handed this object as its
 * {@link DigestCalculatorProvider} so that each byte is hashed once: its calculators discard what it
 * feeds them and report these digests.
 */
public final class SignedContentDigests implements DigestCalculatorProvider {

    /** Slices of 16 KiB: called often on small inputs, HotSpot compiles the digest with the processor's SHA instructions. */
    private static final int SLICE = 16 * 1024;

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.of(
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, "SHA-256",
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384, "SHA-384",
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final Map<ASN1ObjectIdentifier, MessageDigest> running = new LinkedHashMap<>();
    private final Map<ASN1ObjectIdentifier, byte[]> finished = new LinkedHashMap<>();
    private boolean done;

    /** Called by the parser for each listed algorithm; algorithms outside the profile are not computed. */
    @Override
    public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        String name = NAMES.get(oid);
        if (name == null || !Algorithms.DIGESTS.contains(oid)) {
            throw new OperatorCreationException("digest " + oid + " is not in the profile");
        }
        if (done) {
            throw new IllegalStateException("the content is already hashed");
        }
        try {
            running.putIfAbsent(oid, MessageDigest.getInstance(name));
        } catch (NoSuchAlgorithmException e) {
            throw new OperatorCreationException("the JDK lacks " + name, e);
        }
        return new DigestCalculator() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream(); // the bytes are hashed as they are written, by tee()
            }

            @Override
            public byte[] getDigest() {
                return of(oid).orElseThrow();
            }
        };
    }

    /** Writes to {@code out} and hashes what was written. */
    public OutputStream tee(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (done) {
                    throw new IllegalStateException("the content is already hashed");
                }
                out.write(b, off, len);
                for (MessageDigest d : running.values()) {
                    for (int i = 0; i < len; i += SLICE) {
                        d.update(b, off + i, Math.min(SLICE, len - i));
                    }
                }
            }
        };
    }

    /**
     * The one value of a signer's signed {@code messageDigest} attribute; empty without signed attributes (nothing
     * then binds the content) or unless there is exactly one such attribute with exactly one value.
     */
    public static Optional<byte[]> signedMessageDigest(org.bouncycastle.asn1.cms.AttributeTable signedAttributes) {
        if (signedAttributes == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.ASN1EncodableVector values =
                signedAttributes.getAll(org.bouncycastle.asn1.cms.CMSAttributes.messageDigest);
        if (values.size() != 1) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.cms.Attribute a = org.bouncycastle.asn1.cms.Attribute.getInstance(values.get(0));
        if (a.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                        a.getAttrValues().getObjectAt(0))
                .getOctets());
    }

    /**
     * The digest with {@code algorithm} of everything written so far, which ends the hashing; empty unless the
     * SignedData listed the algorithm and the profile allows it.
     */
    public Optional<byte[]> of(ASN1ObjectIdentifier algorithm) {
        if (!done) {
            done = true;
            running.forEach((oid, d) -> finished.put(oid, d.digest()));
        }
        byte[] digest = finished.get(algorithm);
        return Optional.ofNullable(digest).map(byte[]::clone);
    }
}
