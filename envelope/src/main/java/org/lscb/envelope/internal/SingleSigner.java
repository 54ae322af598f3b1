package org.lscb.envelope.internal;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.util.Store;

/**
 * The check of a SignedData's signer, one copy for the Opener, the outer signature and the receipt
 * signature, so that a fix to it lands in all three: exactly one SignerInfo; its algorithms on the
 * allow-list ({@link Algorithms}); its digest algorithm among those the SignedData lists; exactly one of
 * the SignedData's own certificates matching its identifier; a signature that verifies with that
 * certificate's key ({@link JdkSignatures}). It returns that certificate and says nothing about it: whether
 * it may sign here (its issuer, its validity, whose it is) is each caller's check, and they differ.
 *
 * <p>Two ways in, for the two ways the content reaches the signature. {@link #overOurDigests} is for content
 * that streamed past and was hashed by us; {@link #overGivenContent} for content handed to Bouncy Castle
 * whole, which it hashes itself. Each caller says no in its own exception and words ({@link Refusals}); the
 * algorithm check throws {@link org.lscb.envelope.UnsupportedEnvelopeException} for all of them.
 */
public final class SingleSigner {

    /** Why a signer was refused. */
    public enum Refusal {
        /** Not exactly one SignerInfo; the detail is how many there are. */
        NOT_ONE_SIGNER,
        /** The signer's digest algorithm is not among the SignedData's digestAlgorithms; the detail is that algorithm. */
        DIGEST_NOT_LISTED,
        /** The signed attributes do not hold exactly one messageDigest with exactly one value (or there are none). */
        NOT_ONE_MESSAGE_DIGEST,
        /** The signed messageDigest is not our digest of the content. */
        OTHER_CONTENT,
        /** Not exactly one of the SignedData's certificates matches the signer's identifier. */
        NO_CERTIFICATE,
        /** The signature does not verify with that certificate's key. */
        DOES_NOT_VERIFY
    }

    /** A caller's own exception for each refusal: the Opener says only "cannot open envelope", the others say why. */
    @FunctionalInterface
    public interface Refusals {
        /** @param detail what {@link Refusal} documents for {@code why}, otherwise null */
        Exception refuse(Refusal why, String detail);
    }

    private SingleSigner() {}

    /**
     * The signer of content that we hashed ourselves as it streamed past ({@link SignedContentDigests}). Bouncy
     * Castle hashes only with the algorithms the SignedData lists, and checks an unlisted signer's messageDigest
     * against the digest of nothing: a signature over an empty document would then fit any content. So the
     * signer's digest must be one of ours, which exists only for a listed algorithm, and its signed messageDigest
     * must equal it, whatever the parser compared; only then is the signature checked.
     *
     * @param signers      the SignedData's signer infos, whose digests are ours
     * @param certificates the SignedData's certificates
     * @param ourDigests   our digest of the content with an algorithm, empty unless the SignedData lists it
     * @return the certificate whose key made the signature, as carried in the SignedData
     */
    public static X509Certificate overOurDigests(
            SignerInformationStore signers,
            Store<X509CertificateHolder> certificates,
            Function<ASN1ObjectIdentifier, Optional<byte[]>> ourDigests,
            Refusals refusals)
            throws Exception {
        SignerInformation s = onlyAllowedSigner(signers, refusals);
        ASN1ObjectIdentifier digestAlgorithm = s.getDigestAlgorithmID().getAlgorithm();
        Optional<byte[]> ours = ourDigests.apply(digestAlgorithm);
        if (ours.isEmpty()) {
            throw refusals.refuse(Refusal.DIGEST_NOT_LISTED, digestAlgorithm.getId());
        }
        Optional<byte[]> signed = SignedContentDigests.signedMessageDigest(s.getSignedAttributes());
        if (signed.isEmpty()) {
            throw refusals.refuse(Refusal.NOT_ONE_MESSAGE_DIGEST, null);
        }
        if (!MessageDigest.isEqual(ours.get(), signed.get())) {
            throw refusals.refuse(Refusal.OTHER_CONTENT, null);
        }
        return verified(s, certificates, refusals);
    }

    /**
     * The signer of a SignedData built with its content in hand (a receipt's few bytes): Bouncy Castle hashes
     * that content itself with the signer's algorithm and compares the signed messageDigest, if there is one,
     * when the signature is checked; without signed attributes the signature covers the content directly. The
     * signer's digest algorithm must still be one the SignedData lists, as an AlgorithmIdentifier, parameters
     * and all.
     *
     * @return the certificate whose key made the signature, as carried in the SignedData
     */
    public static X509Certificate overGivenContent(CMSSignedData signed, Refusals refusals) throws Exception {
        SignerInformation s = onlyAllowedSigner(signed.getSignerInfos(), refusals);
        if (!signed.getDigestAlgorithmIDs().contains(s.getDigestAlgorithmID())) {
            throw refusals.refuse(Refusal.DIGEST_NOT_LISTED, s.getDigestAlgOID());
        }
        return verified(s, signed.getCertificates(), refusals);
    }

    private static SignerInformation onlyAllowedSigner(SignerInformationStore signers, Refusals refusals)
            throws Exception {
        Collection<SignerInformation> all = signers.getSigners();
        if (all.size() != 1) {
            throw refusals.refuse(Refusal.NOT_ONE_SIGNER, String.valueOf(all.size()));
        }
        SignerInformation s = all.iterator().next();
        Algorithms.checkSignature(
                s.getDigestAlgorithmID().getAlgorithm(), s.toASN1Structure().getDigestEncryptionAlgorithm());
        return s;
    }

    private static X509Certificate verified(
            SignerInformation s, Store<X509CertificateHolder> certificates, Refusals refusals) throws Exception {
        Collection<X509CertificateHolder> match = certificates.getMatches(s.getSID());
        if (match.size() != 1) {
            throw refusals.refuse(Refusal.NO_CERTIFICATE, null);
        }
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(match.iterator().next());
        if (!s.verify(JdkSignatures.verifier(cert))) {
            throw refusals.refuse(Refusal.DOES_NOT_VERIFY, null);
        }
        return cert;
    }
}
