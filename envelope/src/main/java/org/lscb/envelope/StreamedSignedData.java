package org.lscb.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.lscb.envelope.internal.BerReader;
import org.lscb.envelope.internal.SignedContentDigests;

/**
 * An encapsulating SignedData read from a stream in bounded memory: the encapsulated content is streamed
 * out while {@link SignedContentDigests} hashes it with each announced digest algorithm, and only what follows
 * the content is kept, each part under a cap checked before it is read. Revocation lists are refused on
 * sight (the deployment checks revocation itself); certificates are capped in number and total size;
 * exactly one SignerInfo of bounded size is allowed. Nothing is trusted here: the caller verifies.
 */
final class StreamedSignedData {

    /** The signer's certificate and a short chain, never a bag of them. */
    static final int MAX_CERTIFICATES = 8;

    static final int MAX_CERTIFICATE_BYTES = 1024 * 1024;
    static final int MAX_SIGNER_INFO_BYTES = 64 * 1024;
    /** SHA-256, SHA-384 and SHA-512, each at most once more. */
    static final int MAX_DIGEST_ALGORITHMS = 4;

    private static final int MAX_SMALL = 1024;

    private final List<AlgorithmIdentifier> digestAlgorithms;
    private final ASN1ObjectIdentifier contentType;
    private final SignedContentDigests digests;
    private final List<Certificate> certificates;
    private final SignerInfo signerInfo;

    private StreamedSignedData(
            List<AlgorithmIdentifier> digestAlgorithms,
            ASN1ObjectIdentifier contentType,
            SignedContentDigests digests,
            List<Certificate> certificates,
            SignerInfo signerInfo) {
        this.digestAlgorithms = digestAlgorithms;
        this.contentType = contentType;
        this.digests = digests;
        this.certificates = certificates;
        this.signerInfo = signerInfo;
    }

    /**
     * Reads one ContentInfo holding a SignedData with its content inside, writing the content to {@code content}.
     *
     * @throws UnsupportedEnvelopeException when the structure is not that, or a part is over its cap
     */
    static StreamedSignedData read(InputStream in, OutputStream content) throws IOException {
        BerReader r = new BerReader(in);
        BerReader.Header top = r.first();
        if (top.tag() != 0x30) {
            throw new UnsupportedEnvelopeException("an outer signature that is not a CMS ContentInfo");
        }
        BerReader.Frame contentInfo = r.open(top);
        if (!CMSObjectIdentifiers.signedData.equals(oid(r, contentInfo, "content type"))) {
            throw new UnsupportedEnvelopeException("an outer signature that is not a SignedData");
        }
        BerReader.Frame explicit = r.open(r.expect(contentInfo, 0xA0, "content"));
        BerReader.Frame signedData = r.open(r.expect(explicit, 0x30, "SignedData"));
        r.readWhole(r.expect(signedData, 0x02, "version"), 16);
        List<AlgorithmIdentifier> algorithms = digestAlgorithms(r, signedData);
        SignedContentDigests digests = new SignedContentDigests();
        for (AlgorithmIdentifier a : algorithms) {
            try {
                digests.get(a);
            } catch (org.bouncycastle.operator.OperatorCreationException e) {
                throw new UnsupportedEnvelopeException("a content digest " + a.getAlgorithm());
            }
        }

        BerReader.Frame encap = r.open(r.expect(signedData, 0x30, "encapsulated content"));
        ASN1ObjectIdentifier contentType = oid(r, encap, "encapsulated content type");
        BerReader.Header eContent = r.next(encap);
        if (eContent == null) {
            throw new UnsupportedEnvelopeException("a detached outer signature (the envelope must be inside it)");
        }
        if (eContent.tag() != 0xA0) {
            throw new UnsupportedEnvelopeException("an outer signature whose content is not where it belongs");
        }
        BerReader.Frame eContentFrame = r.open(eContent);
        BerReader.Header octets = r.next(eContentFrame);
        if (octets == null) {
            throw new UnsupportedEnvelopeException("an outer signature whose content is missing");
        }
        streamOctets(r, octets, digests.tee(content), 0);
        r.close(eContentFrame, "the content");
        r.close(encap, "the encapsulated content");

        BerReader.Header next = r.next(signedData);
        List<Certificate> certificates = List.of();
        if (next != null && next.tag() == 0xA0) {
            certificates = certificates(r, next);
            next = r.next(signedData);
        }
        if (next != null && next.tag() == 0xA1) {
            throw new UnsupportedEnvelopeException(
                    "an outer signature carrying revocation lists (none are accepted; the"
                            + " deployment checks revocation itself)");
        }
        if (next == null || next.tag() != 0x31) {
            throw new UnsupportedEnvelopeException("an outer signature without its signer information");
        }
        SignerInfo signer = onlySigner(r, next);
        r.close(signedData, "the SignedData");
        r.close(explicit, "the ContentInfo's content");
        r.close(contentInfo, "the ContentInfo");
        r.expectEnd();
        return new StreamedSignedData(algorithms, contentType, digests, certificates, signer);
    }

    /** Our digest of the content with the signer's digest algorithm, if the SignedData announced that algorithm. */
    Optional<byte[]> contentDigest(ASN1ObjectIdentifier algorithm) {
        return digests.of(algorithm);
    }

    /**
     * The same SignedData without its content, which has been streamed out, and with our digests of that content in its
     * place, one for each algorithm it announced: Bouncy Castle checks the signer against ours. With none announced it
     * gets none (its constructor takes no empty map), and a signer without our digest is refused before it is checked.
     */
    CMSSignedData detached() throws CMSException {
        Map<ASN1ObjectIdentifier, byte[]> ours = new HashMap<>();
        for (AlgorithmIdentifier a : digestAlgorithms) {
            digests.of(a.getAlgorithm()).ifPresent(digest -> ours.put(a.getAlgorithm(), digest));
        }
        return ours.isEmpty() ? new CMSSignedData(withoutContent()) : new CMSSignedData(ours, withoutContent());
    }

    private ContentInfo withoutContent() {
        ASN1Set certs = certificates.isEmpty() ? null : new DLSet(certificates.toArray(new ASN1Encodable[0]));
        SignedData sd = new SignedData(
                new DERSet(digestAlgorithms.toArray(new ASN1Encodable[0])),
                new ContentInfo(contentType, null),
                certs,
                null,
                new DERSet(signerInfo));
        return new ContentInfo(CMSObjectIdentifiers.signedData, sd);
    }

    private static ASN1ObjectIdentifier oid(BerReader r, BerReader.Frame parent, String what) throws IOException {
        return ASN1ObjectIdentifier.getInstance(
                ASN1Primitive.fromByteArray(r.readWhole(r.expect(parent, 0x06, what), MAX_SMALL)));
    }

    private static List<AlgorithmIdentifier> digestAlgorithms(BerReader r, BerReader.Frame signedData)
            throws IOException {
        BerReader.Frame set = r.open(r.expect(signedData, 0x31, "digest algorithms"));
        List<AlgorithmIdentifier> out = new ArrayList<>();
        BerReader.Header h;
        while ((h = r.next(set)) != null) {
            if (out.size() == MAX_DIGEST_ALGORITHMS) {
                throw new UnsupportedEnvelopeException(
                        "an outer signature announcing more than " + MAX_DIGEST_ALGORITHMS + " digest algorithms");
            }
            out.add(AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(r.readWhole(h, MAX_SMALL))));
        }
        return out;
    }

    /** The content must be an OCTET STRING (BER may chop it into a constructed one); PKCS#7's any-type content is refused. */
    private static void streamOctets(BerReader r, BerReader.Header h, OutputStream out, int depth) throws IOException {
        if (h.tag() == 0x04) {
            r.copyContent(h, out);
            return;
        }
        if (h.tag() != 0x24) {
            throw new UnsupportedEnvelopeException("an outer signature whose content is not an OCTET STRING");
        }
        if (depth > BerFraming.MAX_DEPTH) {
            throw new UnsupportedEnvelopeException("nesting deeper than " + BerFraming.MAX_DEPTH);
        }
        BerReader.Frame chunks = r.open(h);
        BerReader.Header chunk;
        while ((chunk = r.next(chunks)) != null) {
            streamOctets(r, chunk, out, depth + 1);
        }
    }

    private static List<Certificate> certificates(BerReader r, BerReader.Header h) throws IOException {
        if (!h.indefinite() && h.length() > MAX_CERTIFICATE_BYTES) {
            throw tooManyCertificateBytes();
        }
        BerReader.Frame set = r.open(h);
        List<Certificate> out = new ArrayList<>();
        long left = MAX_CERTIFICATE_BYTES;
        BerReader.Header c;
        while ((c = r.next(set)) != null) {
            if (out.size() == MAX_CERTIFICATES) {
                throw new UnsupportedEnvelopeException(
                        "an outer signature carrying more than " + MAX_CERTIFICATES + " certificates");
            }
            if (c.tag() != 0x30) {
                throw new UnsupportedEnvelopeException(
                        "an outer signature carrying something other than X.509 certificates");
            }
            if (!c.indefinite() && c.encoded().length + c.length() > left) {
                throw tooManyCertificateBytes();
            }
            byte[] der = r.readWhole(c, (int) left);
            left -= der.length;
            out.add(Certificate.getInstance(ASN1Primitive.fromByteArray(der)));
        }
        return out;
    }

    private static UnsupportedEnvelopeException tooManyCertificateBytes() {
        return new UnsupportedEnvelopeException(
                "an outer signature carrying more than " + MAX_CERTIFICATE_BYTES + " bytes of certificates");
    }

    private static SignerInfo onlySigner(BerReader r, BerReader.Header h) throws IOException {
        BerReader.Frame set = r.open(h);
        BerReader.Header first = r.next(set);
        if (first == null) {
            throw new UnsupportedEnvelopeException("an outer signature with 0 signers (exactly one allowed)");
        }
        if (first.tag() != 0x30) {
            throw new UnsupportedEnvelopeException("an outer signature whose signer information is malformed");
        }
        SignerInfo info =
                SignerInfo.getInstance(ASN1Primitive.fromByteArray(r.readWhole(first, MAX_SIGNER_INFO_BYTES)));
        if (r.next(set) != null) {
            throw new UnsupportedEnvelopeException(
                    "an outer signature with more than one signer (exactly one allowed)");
        }
        return info;
    }
}
