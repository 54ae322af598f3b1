package org.lscb.envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.lscb.envelope.internal.BerReader;

/**
 * Adds granted RecipientInfos to an envelope without reading its content: copies the envelope, writing
 * its recipient set with the new entries after the existing ones (which stay byte for byte; a grant may only
 * add recipients the envelope is not yet addressed to, see {@link NewRecipientsOnly}), and every other
 * element byte for byte. The wrapper (ContentInfo
 * and the AuthEnvelopedData/EnvelopedData sequence) is written with indefinite lengths so that nothing
 * else needs re-encoding; the encrypted content and the tag are untouched. Streams in constant memory.
 */
public final class RecipientSplice {

    /** DER of the content type id-envelopedData (1.2.840.113549.1.7.3). */
    private static final byte[] ENVELOPED_DATA_OID = {
        0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x03
    };

    private static boolean needsVersion2(RecipientInfo ri) {
        if (ri.getInfo() instanceof org.bouncycastle.asn1.cms.KeyTransRecipientInfo kt) {
            return kt.getRecipientIdentifier().getId() instanceof org.bouncycastle.asn1.ASN1OctetString;
        }
        return true;
    }

    /** At most this many RecipientInfos may be added at once, each at most 16 KiB. */
    static final int MAX_GRANTED = 50;

    /** The elements before the encrypted content (content type, version, originatorInfo, recipient set) are read whole, each up to this. */
    private static final int MAX_HEADER_ELEMENT = 8 * 1024 * 1024;

    RecipientSplice() {}

    /** The RecipientInfos in a DER {@code SET OF RecipientInfo}, checked against the profile. */
    public List<RecipientInfo> parseGranted(byte[] derSet) {
        if (derSet.length > MAX_GRANTED * 16 * 1024) {
            throw new UnsupportedEnvelopeException("a grant of " + derSet.length + " bytes");
        }
        List<RecipientInfo> out = new ArrayList<>();
        try {
            ASN1Set set = ASN1Set.getInstance(ASN1Primitive.fromByteArray(derSet));
            if (set.size() == 0 || set.size() > MAX_GRANTED) {
                throw new UnsupportedEnvelopeException(
                        "a grant of " + set.size() + " recipients (1 to " + MAX_GRANTED + ")");
            }
            for (int i = 0; i < set.size(); i++) {
                RecipientInfo ri = RecipientInfo.getInstance(set.getObjectAt(i));
                EnvelopeInspector.checkRecipient(ri);
                out.add(ri);
            }
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception e) {
            throw new UnsupportedEnvelopeException("a grant that is not a DER SET OF RecipientInfo");
        }
        return out;
    }

    /** Whom the granted RecipientInfos address, to check them against the recipients the review entitles. */
    public List<EnvelopeInfo.RecipientRef> addressees(List<RecipientInfo> granted) {
        List<EnvelopeInfo.RecipientRef> refs = new ArrayList<>();
        for (RecipientInfo ri : granted) {
            org.bouncycastle.asn1.ASN1Encodable info = ri.getInfo();
            if (info instanceof org.bouncycastle.asn1.cms.KeyTransRecipientInfo kt) {
                refs.add(ref(kt.getRecipientIdentifier().getId()));
            } else if (info instanceof org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo ka) {
                for (int i = 0; i < ka.getRecipientEncryptedKeys().size(); i++) {
                    var rek = org.bouncycastle.asn1.cms.RecipientEncryptedKey.getInstance(
                            ka.getRecipientEncryptedKeys().getObjectAt(i));
                    var id = rek.getIdentifier();
                    refs.add(
                            id.getIssuerAndSerialNumber() != null
                                    ? ref(id.getIssuerAndSerialNumber())
                                    : new EnvelopeInfo.RecipientRef(
                                            null,
                                            null,
                                            id.getRKeyID()
                                                    .getSubjectKeyIdentifier()
                                                    .getOctets()));
                }
            }
        }
        return refs;
    }

    private static EnvelopeInfo.RecipientRef ref(org.bouncycastle.asn1.ASN1Encodable id) {
        if (id instanceof org.bouncycastle.asn1.ASN1OctetString ski) {
            return new EnvelopeInfo.RecipientRef(null, null, ski.getOctets());
        }
        var ias = org.bouncycastle.asn1.cms.IssuerAndSerialNumber.getInstance(id);
        try {
            return new EnvelopeInfo.RecipientRef(
                    new javax.security.auth.x500.X500Principal(ias.getName().getEncoded()).getName(),
                    ias.getSerialNumber().getValue(),
                    null);
        } catch (IOException e) {
            throw new UnsupportedEnvelopeException("a recipient entry with an unreadable issuer name");
        }
    }

    public void addRecipients(InputStream envelope, List<RecipientInfo> granted, OutputStream out) throws IOException {
        BerReader in = new BerReader(envelope);
        BerReader.Header top = in.first();
        if (top.tag() != 0x30) {
            throw new UnsupportedEnvelopeException("an envelope whose structure is not CMS");
        }
        BerReader.Frame contentInfo = in.open(top);
        byte[] contentType = in.readWhole(in.expect(contentInfo, 0x06, "content type"), MAX_HEADER_ELEMENT);
        BerReader.Frame explicit = in.open(in.expect(contentInfo, 0xA0, "content"));
        BerReader.Frame data = in.open(in.expect(explicit, 0x30, "AuthEnvelopedData or EnvelopedData"));
        out.write(new byte[] {0x30, (byte) 0x80});
        out.write(contentType);
        out.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x80});
        byte[] version = in.readWhole(in.expect(data, 0x02, "version"), MAX_HEADER_ELEMENT);
        // RFC 5652 6.1: EnvelopedData is version 2 once a recipient is by key agreement or by key identifier
        boolean enveloped = java.util.Arrays.equals(contentType, ENVELOPED_DATA_OID);
        if (enveloped
                && version.length == 3
                && version[2] == 0
                && granted.stream().anyMatch(RecipientSplice::needsVersion2)) {
            version = new byte[] {0x02, 0x01, 0x02};
        }
        out.write(version);
        BerReader.Header next = in.next(data);
        if (next != null && next.tag() == 0xA0) { // originatorInfo
            out.write(in.readWhole(next, MAX_HEADER_ELEMENT));
            next = in.next(data);
        }
        if (next == null || next.tag() != 0x31) {
            throw new UnsupportedEnvelopeException("an envelope without a recipient set where one belongs");
        }
        out.write(recipientSet(in.readWhole(next, MAX_HEADER_ELEMENT), granted));
        BerReader.Header rest;
        while ((rest = in.next(data)) != null) { // the encrypted content and what follows it, byte for byte
            in.copyWhole(rest, out);
        }
        out.write(new byte[] {0, 0});
        in.close(explicit, "the ContentInfo's content");
        out.write(new byte[] {0, 0});
        in.close(contentInfo, "the ContentInfo");
        out.write(new byte[] {0, 0});
        in.expectEnd();
    }

    /**
     * The recipient set: the existing entries first, byte for byte, then the granted ones. A grant may only
     * add recipients: the server cannot tell what a granted entry wraps, so an entry for someone the envelope
     * is already addressed to could only lock them out (their working entry replaced, or shadowed by one found
     * first), and is refused.
     */
    private static byte[] recipientSet(byte[] existing, List<RecipientInfo> granted) throws IOException {
        List<byte[]> entries = entriesOf(existing);
        RecipientSplice refs = new RecipientSplice();
        new NewRecipientsOnly(refs.addressees(present(entries))).check(refs.addressees(granted));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            content.write(entry);
        }
        for (RecipientInfo ri : granted) {
            content.write(ri.getEncoded("DER"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x31);
        writeLength(out, content.size());
        content.writeTo(out);
        return out.toByteArray();
    }

    /** The envelope's own entries, parsed; one that is no RecipientInfo is refused like any other malformed envelope. */
    private static List<RecipientInfo> present(List<byte[]> entries) {
        List<RecipientInfo> present = new ArrayList<>();
        try {
            for (byte[] entry : entries) {
                RecipientInfo ri = RecipientInfo.getInstance(ASN1Primitive.fromByteArray(entry));
                new RecipientSplice().addressees(List.of(ri)); // reads its identifier, which a malformed entry lacks
                present.add(ri);
            }
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedEnvelopeException(
                    "an envelope whose recipient set holds an entry that is not a RecipientInfo");
        }
        return present;
    }

    /** The elements of a SET as they are encoded, each header included. */
    private static List<byte[]> entriesOf(byte[] set) throws IOException {
        BerReader r = new BerReader(new java.io.ByteArrayInputStream(set));
        BerReader.Frame frame = r.open(r.first());
        List<byte[]> entries = new ArrayList<>();
        BerReader.Header h;
        while ((h = r.next(frame)) != null) {
            entries.add(r.readWhole(h, set.length));
        }
        r.expectEnd();
        return entries;
    }

    /**
     * A DER length of at most three bytes, for the recipient set written anew (at most 8 MiB of existing entries
     * plus the granted ones, so far below 16 MiB).
     */
    private static void writeLength(OutputStream out, int length) throws IOException {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else if (length < 0x1000000) {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        } else {
            throw new UnsupportedEnvelopeException("a recipient set of " + length + " bytes");
        }
    }
}
