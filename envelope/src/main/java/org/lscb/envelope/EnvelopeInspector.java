package org.lscb.envelope;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.lscb.envelope.internal.Algorithms;

/**
 * Reads an envelope's header without any key: which profile, to whom, with which algorithms. Anything
 * outside the profile is an {@link UnsupportedEnvelopeException} saying what was found. Reads only as far
 * as the recipients; the content is not touched.
 */
public final class EnvelopeInspector {

    /** CMS headers are small; a recipient set larger than this is refused rather than parsed. */
    static final int MAX_RECIPIENTS = 200;

    EnvelopeInspector() {}

    public EnvelopeInfo inspect(InputStream envelope) throws IOException {
        BufferedInputStream in =
                new BufferedInputStream(new org.lscb.envelope.internal.HeaderLimit(envelope), 64 * 1024);
        in.mark(64);
        EnvelopeProfile profile = containerOf(in);
        in.reset();
        try {
            RecipientInformationStore store;
            if (profile == EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM) {
                CMSAuthEnvelopedDataParser p = new CMSAuthEnvelopedDataParser(in);
                Algorithms.checkContentEncryption(Algorithms.AUTH_ENVELOPED, p.getEncryptionAlgOID());
                store = p.getRecipientInfos();
            } else {
                CMSEnvelopedDataParser p = new CMSEnvelopedDataParser(in);
                Algorithms.checkContentEncryption(Algorithms.ENVELOPED, p.getContentEncryptionAlgorithm());
                store = p.getRecipientInfos();
            }
            return new EnvelopeInfo(profile, recipients(store));
        } catch (UnsupportedEnvelopeException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new UnsupportedEnvelopeException(
                    "malformed CMS (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<EnvelopeInfo.RecipientRef> recipients(RecipientInformationStore store) {
        if (store.size() > MAX_RECIPIENTS) {
            throw new UnsupportedEnvelopeException(store.size() + " recipients (at most " + MAX_RECIPIENTS + ")");
        }
        List<EnvelopeInfo.RecipientRef> refs = new ArrayList<>();
        for (RecipientInformation r : store.getRecipients()) {
            if (r instanceof KeyTransRecipientInformation) {
                Algorithms.checkKeyTransport(r.getKeyEncryptionAlgorithm());
                KeyTransRecipientId id = (KeyTransRecipientId) r.getRID();
                refs.add(ref(id.getIssuer(), id.getSerialNumber(), id.getSubjectKeyIdentifier()));
            } else if (r instanceof KeyAgreeRecipientInformation) {
                Algorithms.checkKeyAgreement(r.getKeyEncryptionAlgorithm());
                KeyAgreeRecipientId id = (KeyAgreeRecipientId) r.getRID();
                refs.add(ref(id.getIssuer(), id.getSerialNumber(), id.getSubjectKeyIdentifier()));
            } else {
                throw new UnsupportedEnvelopeException(
                        "a recipient of kind " + r.getClass().getSimpleName());
            }
        }
        if (refs.isEmpty()) {
            throw new UnsupportedEnvelopeException("an envelope with no recipient");
        }
        return refs;
    }

    /** One RecipientInfo of a grant: key transport or key agreement within the profile. */
    static void checkRecipient(org.bouncycastle.asn1.cms.RecipientInfo ri) {
        org.bouncycastle.asn1.ASN1Encodable info = ri.getInfo();
        if (info instanceof org.bouncycastle.asn1.cms.KeyTransRecipientInfo kt) {
            Algorithms.checkKeyTransport(kt.getKeyEncryptionAlgorithm());
        } else if (info instanceof org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo ka) {
            Algorithms.checkKeyAgreement(ka.getKeyEncryptionAlgorithm());
        } else {
            throw new UnsupportedEnvelopeException(
                    "a granted recipient of kind " + info.getClass().getSimpleName());
        }
    }

    private static EnvelopeInfo.RecipientRef ref(X500Name issuer, java.math.BigInteger serial, byte[] ski) {
        String dn = null;
        if (issuer != null) {
            try {
                dn = new javax.security.auth.x500.X500Principal(issuer.getEncoded()).getName();
            } catch (IOException e) {
                throw new UnsupportedEnvelopeException("a recipient with an unreadable issuer name");
            }
        }
        return new EnvelopeInfo.RecipientRef(dn, serial, ski);
    }

    /** Whether the object is a SignedData (an uploader's outer signature) rather than an envelope. */
    public static boolean isSignedData(InputStream in) throws IOException {
        try {
            containerOf(in);
            return false;
        } catch (UnsupportedEnvelopeException e) {
            return e.getMessage().startsWith("bare SignedData");
        }
    }

    /**
     * The container named by the ContentInfo at the start of the stream, read by hand from its first
     * bytes so that nothing past them is consumed.
     */
    static EnvelopeProfile containerOf(InputStream in) throws IOException {
        if (in.read() != 0x30) {
            throw new UnsupportedEnvelopeException("bytes that are not DER CMS");
        }
        int len = in.read();
        if (len < 0) {
            throw new UnsupportedEnvelopeException("an empty or truncated object");
        }
        if (len > 0x80) {
            int n = len & 0x7f;
            if (n > 8 || in.skip(n) != n) {
                throw new UnsupportedEnvelopeException("a malformed length");
            }
        }
        if (in.read() != 0x06) {
            throw new UnsupportedEnvelopeException("bytes that are not a CMS ContentInfo");
        }
        int oidLen = in.read();
        if (oidLen <= 0 || oidLen > 20) {
            throw new UnsupportedEnvelopeException("a malformed content type");
        }
        byte[] oid = in.readNBytes(oidLen);
        if (oid.length != oidLen) {
            throw new UnsupportedEnvelopeException("a truncated content type");
        }
        ASN1ObjectIdentifier type = ASN1ObjectIdentifier.fromContents(oid);
        if (type.equals(Algorithms.AUTH_ENVELOPED)) {
            return EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM;
        }
        if (type.equals(Algorithms.ENVELOPED)) {
            return EnvelopeProfile.ENVELOPED_AES256_CBC;
        }
        if (type.equals(Algorithms.SIGNED)) {
            throw new UnsupportedEnvelopeException("bare SignedData (the content must be enveloped)");
        }
        throw new UnsupportedEnvelopeException("a CMS " + type + " object");
    }
}
