package org.lscb.exchange.envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.lscb.exchange.envelope.internal.BerReader;

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
    private static final byte[] ENVELOPED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x03};

    private static boolean needsVersion2(RecipientInfo ri) {
        if (ri.getInfo() instanceof org.bouncycastle.asn1.cms.KeyTransRecipientInfo kt) {
            return kt.getRecipientIdentifier().getId() instanceof org.bouncycastle.asn1.ASN1OctetString;
        }
        return true;
    }

    /** At most this many RecipientInfos may be added at once, each at most 16 KiB. */
    static final int MAX_GRANTED = 50;

    RecipientSplice() {
    }

    /** The RecipientInfos in a DER {@code SET OF RecipientInfo}, checked against the profile. */
    public List<RecipientInfo> parseGranted(byte[] derSet) {
        if (derSet.length > MAX_GRANTED * 16 * 1024) {
            throw new UnsupportedEnvelopeException("a grant of " + derSet.length + " bytes");
        }
        List<RecipientInfo> out = new ArrayList<>();
        try {
            ASN1Set set = ASN1Set.getInstance(ASN1Primitive.fromByteArray(derSet));
            if (set.size() == 0 || set.size() > MAX_GRANTED) {
                throw new UnsupportedEnvelopeException("a grant of " + set.size() + " recipients (1 to " + MAX_GRANTED + ")");
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
                    var rek = org.bouncycastle.asn1.cms.RecipientEncryptedKey.getInstance(ka.getRecipientEncryptedKeys().getObjectAt(i));
                    var id = rek.getIdentifier();
                    refs.add(id.getIssuerAndSerialNumber() != null ? ref(id.getIssuerAndSerialNumber())
                            : new EnvelopeInfo.RecipientRef(null, null, id.getRKeyID().getSubjectKeyIdentifier().getOctets()));
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
            return new EnvelopeInfo.RecipientRef(new javax.security.auth.x500.X500Principal(ias.getName().getEncoded()).getName(),
                    ias.getSerialNumber().getValue(), null);
        } catch (IOException e) {
            throw new UnsupportedEnvelopeException("a granted recipient with an unreadable issuer name");
        }
    }

    public void addRecipients(InputStream envelope, List<RecipientInfo> granted, OutputStream out) throws IOException {
        Tlv in = new Tlv(envelope);
        Tlv.Header contentInfo = in.header(0x30);
        byte[] contentType = in.element();
        Tlv.Header explicit = in.header(0xA0);
        Tlv.Header data = in.header(0x30);
        out.write(new byte[] {0x30, (byte) 0x80});
        out.write(contentType);
        out.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x80});
        byte[] version = in.element();
        // RFC 5652 6.1: EnvelopedData is version 2 once a recipient is by key agreement or by key identifier
        boolean enveloped = java.util.Arrays.equals(contentType, ENVELOPED_DATA_OID);
        if (enveloped && version.length == 3 && version[2] == 0 && granted.stream().anyMatch(RecipientSplice::needsVersion2)) {
            version = new byte[] {0x02, 0x01, 0x02};
        }
        out.write(version);
        byte[] next = in.element();
        if ((next[0] & 0xff) == 0xA0) { // originatorInfo
            out.write(next);
            next = in.element();
        }
        if ((next[0] & 0xff) != 0x31) {
            throw new UnsupportedEnvelopeException("an envelope without a recipient set where one belongs");
        }
        out.write(recipientSet(next, granted));
        in.copyRest(data, out);
        out.write(new byte[] {0, 0});
        in.copyRest(explicit, OutputStream.nullOutputStream());
        out.write(new byte[] {0, 0});
        in.copyRest(contentInfo, OutputStream.nullOutputStream());
        out.write(new byte[] {0, 0});
        if (in.raw.read() != -1) {
            throw new UnsupportedEnvelopeException("trailing bytes after the envelope");
        }
    }

    /**
     * The recipient set: the existing entries first, byte for byte, then the granted ones. A grant may only
     * add recipients: the server cannot tell what a granted entry wraps, so an entry for someone the envelope
     * is already addressed to could only lock them out (their working entry replaced, or shadowed by one found
     * first), and is refused.
     */
    private static byte[] recipientSet(byte[] existing, List<RecipientInfo> granted) throws IOException {
        List<byte[]> entries = entriesOf(existing);
        List<RecipientInfo> present = new ArrayList<>();
        for (byte[] entry : entries) {
            present.add(RecipientInfo.getInstance(ASN1Primitive.fromByteArray(entry)));
        }
        RecipientSplice refs = new RecipientSplice();
        new NewRecipientsOnly(refs.addressees(present)).check(refs.addressees(granted));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            content.write(entry);
        }
        for (RecipientInfo ri : granted) {
            content.write(ri.getEncoded("DER"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x31);
        Tlv.writeLength(out, content.size());
        content.writeTo(out);
        return out.toByteArray();
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

    /** A minimal reader of BER tag-length-value elements over a stream, copying elements whole. */
    static final class Tlv {

        record Header(int tag, long length, long startedAt) {
            boolean indefinite() {
                return length < 0;
            }
        }

        final InputStream raw;
        private long position;

        Tlv(InputStream raw) {
            this.raw = raw;
        }

        Header header(int expectedTag) throws IOException {
            long start = position;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Header h = readHeader(bytes);
            if (h.tag() != expectedTag) {
                throw new UnsupportedEnvelopeException("an envelope whose structure is not CMS");
            }
            return new Header(h.tag(), h.length(), start + bytes.size());
        }

        /** One whole element, header included (small elements only: version, content type, the recipient set). */
        byte[] element() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copyElement(out, 0);
            if (out.size() > 8 * 1024 * 1024) {
                throw new UnsupportedEnvelopeException("a header element of " + out.size() + " bytes");
            }
            return out.toByteArray();
        }

        /** Copies the remaining children of {@code h} (whose header has been read) and consumes its end. */
        void copyRest(Header h, OutputStream out) throws IOException {
            if (h.indefinite()) {
                while (true) {
                    int t = read();
                    int l = read();
                    if (t == 0 && l == 0) {
                        return;
                    }
                    pushBack = new int[] {t, l};
                    copyElement(out, 0);
                }
            }
            long end = h.startedAt() + h.length();
            byte[] buf = new byte[64 * 1024];
            while (position < end) {
                int n = raw.read(buf, 0, (int) Math.min(buf.length, end - position));
                if (n < 0) {
                    throw new UnsupportedEnvelopeException("a truncated envelope");
                }
                position += n;
                out.write(buf, 0, n);
            }
        }

        private int[] pushBack;

        private int read() throws IOException {
            if (pushBack != null) {
                int b = pushBack[0];
                pushBack = pushBack.length > 1 ? new int[] {pushBack[1]} : null;
                return b;
            }
            int b = raw.read();
            if (b < 0) {
                throw new UnsupportedEnvelopeException("a truncated envelope");
            }
            position++;
            return b;
        }

        private Header readHeader(OutputStream copy) throws IOException {
            int tag = read();
            copy.write(tag);
            if ((tag & 0x1f) == 0x1f) {
                int b;
                do {
                    b = read();
                    copy.write(b);
                } while ((b & 0x80) != 0);
            }
            int first = read();
            copy.write(first);
            if (first < 0x80) {
                return new Header(tag, first, 0);
            }
            if (first == 0x80) {
                return new Header(tag, -1, 0);
            }
            int count = first & 0x7f;
            if (count > 7) {
                throw new UnsupportedEnvelopeException("a declared length of " + count + " bytes");
            }
            long length = 0;
            for (int i = 0; i < count; i++) {
                int b = read();
                copy.write(b);
                length = (length << 8) | b;
            }
            return new Header(tag, length, 0);
        }

        private void copyElement(OutputStream out, int depth) throws IOException {
            if (depth > BerFraming.MAX_DEPTH) {
                throw new UnsupportedEnvelopeException("nesting deeper than " + BerFraming.MAX_DEPTH);
            }
            Header h = readHeader(out);
            if (h.indefinite()) {
                while (true) {
                    int t = read();
                    int l = read();
                    if (t == 0 && l == 0) {
                        out.write(0);
                        out.write(0);
                        return;
                    }
                    pushBack = new int[] {t, l};
                    copyElement(out, depth + 1);
                }
            }
            byte[] buf = new byte[64 * 1024];
            long left = h.length();
            while (left > 0) { // the header read has used any pushed-back bytes
                int n = raw.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new UnsupportedEnvelopeException("a truncated envelope");
                }
                position += n;
                left -= n;
                out.write(buf, 0, n);
            }
        }

        static void writeLength(OutputStream out, int length) throws IOException {
            if (length < 0x80) {
                out.write(length);
            } else if (length < 0x100) {
                out.write(0x81);
                out.write(length);
            } else if (length < 0x10000) {
                out.write(0x82);
                out.write(length >> 8);
                out.write(length);
            } else {
                out.write(0x83);
                out.write(length >> 16);
                out.write(length >> 8);
                out.write(length);
            }
        }
    }
}
