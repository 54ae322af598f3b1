package org.lscb.envelope.custody;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * One custodian's share of a board's private key, as it travels sealed inside an envelope (docs/security.md "Board key
 * custody"). DER, so that it parses strictly:
 *
 * <pre>
 * BoardKeyShare ::= SEQUENCE {
 *   version          INTEGER (1),
 *   split            OCTET STRING (SIZE (16)),  -- the same random id on every share of one split
 *   boardCertificate OCTET STRING (SIZE (32)),  -- SHA-256 of the board certificate's DER
 *   threshold        INTEGER,                   -- shares needed to rebuild the key
 *   shares           INTEGER,                   -- shares made
 *   index            INTEGER (1..255),          -- this share's x coordinate
 *   value            OCTET STRING }             -- this share's y values, one byte per byte of the key
 * </pre>
 *
 * Holds a secret: no {@code toString} prints it, and {@link #wipe()} zeroes it.
 */
public final class KeyShare {

    static final int VERSION = 1;
    /** The largest value: a PKCS#8 RSA key of 4096 bits is under 2.5 KB. */
    static final int MAX_VALUE = 4096;
    /** The largest encoding, with room for the fixed fields. */
    public static final int MAX_ENCODED = MAX_VALUE + 128;

    private final byte[] split;
    private final byte[] boardCertificate;
    private final int threshold;
    private final int shares;
    private final int index;
    private final byte[] value;

    KeyShare(byte[] split, byte[] boardCertificate, int threshold, int shares, int index, byte[] value) {
        if (split.length != 16 || boardCertificate.length != 32) {
            throw new KeyShareException("a share names its split in 16 bytes and its certificate in 32");
        }
        if (threshold < KeyShares.MIN_THRESHOLD || shares < threshold || shares > KeyShares.MAX_SHARES) {
            throw new KeyShareException("a share of " + threshold + " of " + shares + " is outside the scheme");
        }
        if (index < 1 || index > 255 || value.length == 0 || value.length > MAX_VALUE) {
            throw new KeyShareException("a share's index or value is outside the scheme");
        }
        this.split = split.clone();
        this.boardCertificate = boardCertificate.clone();
        this.threshold = threshold;
        this.shares = shares;
        this.index = index;
        this.value = value.clone();
    }

    /** Reads a share; anything that is not exactly one well-formed share is a {@link KeyShareException}. */
    public static KeyShare decode(byte[] der) {
        if (der.length > MAX_ENCODED) {
            throw new KeyShareException("a share is at most " + MAX_ENCODED + " bytes");
        }
        try {
            ASN1Sequence s = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (s.size() != 7 || !Arrays.equals(s.getEncoded(ASN1Encoding.DER), der)) {
                throw new KeyShareException("not one DER share");
            }
            if (integer(s.getObjectAt(0)) != VERSION) {
                throw new KeyShareException("a share of an unknown version");
            }
            return new KeyShare(
                    octets(s.getObjectAt(1)),
                    octets(s.getObjectAt(2)),
                    integer(s.getObjectAt(3)),
                    integer(s.getObjectAt(4)),
                    integer(s.getObjectAt(5)),
                    octets(s.getObjectAt(6)));
        } catch (KeyShareException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KeyShareException("not a share (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The DER encoding; the caller wipes it when done. */
    public byte[] encoded() {
        try {
            return new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(VERSION),
                        new DEROctetString(split),
                        new DEROctetString(boardCertificate),
                        new ASN1Integer(threshold),
                        new ASN1Integer(shares),
                        new ASN1Integer(index),
                        new DEROctetString(value)
                    })
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    private static int integer(ASN1Encodable e) {
        BigInteger v = ASN1Integer.getInstance(e).getValue();
        if (v.signum() < 0 || v.bitLength() > 16) {
            throw new KeyShareException("a share's number is out of range");
        }
        return v.intValueExact();
    }

    private static byte[] octets(ASN1Encodable e) {
        return ASN1OctetString.getInstance(e).getOctets();
    }

    /** The split this share belongs to, as hex: shares of two splits never combine. */
    public String split() {
        return java.util.HexFormat.of().formatHex(split);
    }

    /** SHA-256 of the board certificate whose key this is a share of, as hex. */
    public String boardCertificateSha256() {
        return java.util.HexFormat.of().formatHex(boardCertificate);
    }

    public int threshold() {
        return threshold;
    }

    public int shares() {
        return shares;
    }

    public int index() {
        return index;
    }

    byte[] value() {
        return value;
    }

    /** Zeroes the share's value. */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public String toString() {
        return "KeyShare[" + index + " of " + shares + ", threshold " + threshold + "]";
    }
}
