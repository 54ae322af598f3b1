package org.lscb.envelope.internal;

import java.security.Key;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.lscb.envelope.UnsupportedEnvelopeException;

/** The allow-list of docs/security.md "Crypto profile", as object identifiers. Everything else is refused. */
public final class Algorithms {

    public static final ASN1ObjectIdentifier AUTH_ENVELOPED = CMSObjectIdentifiers.authEnvelopedData;
    public static final ASN1ObjectIdentifier ENVELOPED = CMSObjectIdentifiers.envelopedData;
    public static final ASN1ObjectIdentifier SIGNED = CMSObjectIdentifiers.signedData;

    static final Set<ASN1ObjectIdentifier> DIGESTS =
            Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);
    static final Set<ASN1ObjectIdentifier> ECDH_KDF = Set.of(
            SECObjectIdentifiers.dhSinglePass_stdDH_sha256kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_stdDH_sha384kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_stdDH_sha512kdf_scheme);
    static final Set<ASN1ObjectIdentifier> ECDSA = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private Algorithms() {}

    /** AES-256-GCM with a 128-bit tag inside AuthEnvelopedData; AES-256-CBC inside EnvelopedData; nothing else. */
    public static void checkContentEncryption(ASN1ObjectIdentifier container, AlgorithmIdentifier alg) {
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (container.equals(AUTH_ENVELOPED)) {
            if (!oid.equals(NISTObjectIdentifiers.id_aes256_GCM)) {
                throw new UnsupportedEnvelopeException("AuthEnvelopedData with content encryption " + oid);
            }
            GCMParameters p = GCMParameters.getInstance(alg.getParameters());
            if (p.getIcvLen() != 16) {
                throw new UnsupportedEnvelopeException("an AES-GCM tag of " + (p.getIcvLen() * 8) + " bits");
            }
            return;
        }
        if (container.equals(ENVELOPED)) {
            if (oid.equals(NISTObjectIdentifiers.id_aes256_GCM) || oid.equals(NISTObjectIdentifiers.id_aes128_GCM)) {
                throw new UnsupportedEnvelopeException("AES-GCM inside EnvelopedData (it must be AuthEnvelopedData)");
            }
            if (!oid.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
                throw new UnsupportedEnvelopeException("EnvelopedData with content encryption " + oid);
            }
            return;
        }
        throw new UnsupportedEnvelopeException("a " + container + " container");
    }

    /**
     * A content key for AES-256, GCM or CBC: exactly 32 bytes. A shorter key decrypts too (as AES-128 or AES-192)
     * under a label that says AES-256, so the envelope would be reported, and re-granted, as stronger than it is.
     */
    public static void checkContentKey(Key key) {
        byte[] encoded = key == null ? null : key.getEncoded();
        int bytes = encoded == null ? 0 : encoded.length;
        if (encoded != null) {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
        if (bytes != 32) {
            throw new UnsupportedEnvelopeException("an AES-256 content key of " + (bytes * 8) + " bits");
        }
    }

    /** RSA-OAEP with SHA-256 (or stronger) and MGF1 with the same hash; PKCS#1 v1.5 is refused. */
    public static void checkKeyTransport(AlgorithmIdentifier alg) {
        if (alg.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            throw new UnsupportedEnvelopeException("RSA PKCS#1 v1.5 key transport");
        }
        if (!alg.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSAES_OAEP)) {
            throw new UnsupportedEnvelopeException("key transport " + alg.getAlgorithm());
        }
        RSAESOAEPparams p = RSAESOAEPparams.getInstance(alg.getParameters());
        ASN1ObjectIdentifier hash = p.getHashAlgorithm().getAlgorithm();
        AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
        ASN1ObjectIdentifier mgfHash =
                AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm();
        if (!DIGESTS.contains(hash)
                || !mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                || !DIGESTS.contains(mgfHash)) {
            throw new UnsupportedEnvelopeException("RSA-OAEP with hash " + hash + " and mask " + mgfHash);
        }
    }

    /** ECDH with a SHA-2 KDF, wrapping with AES key wrap (256-bit). */
    public static void checkKeyAgreement(AlgorithmIdentifier alg) {
        if (!ECDH_KDF.contains(alg.getAlgorithm())) {
            throw new UnsupportedEnvelopeException("key agreement " + alg.getAlgorithm());
        }
        ASN1Encodable params = alg.getParameters();
        ASN1ObjectIdentifier wrap = AlgorithmIdentifier.getInstance(params).getAlgorithm();
        if (!wrap.equals(NISTObjectIdentifiers.id_aes256_wrap)) {
            throw new UnsupportedEnvelopeException("key wrap " + wrap);
        }
    }

    /** RSA-PSS or ECDSA with SHA-256 or stronger. */
    public static void checkSignature(ASN1ObjectIdentifier digest, AlgorithmIdentifier signature) {
        if (!DIGESTS.contains(digest)) {
            throw new UnsupportedEnvelopeException("a signature digest " + digest);
        }
        ASN1ObjectIdentifier oid = signature.getAlgorithm();
        if (ECDSA.contains(oid)) {
            return;
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            // the mask's hash counts as much as the message's (an MGF1 with SHA-1 is not "SHA-256 or stronger");
            // trailer 1 is the only one defined
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(signature.getParameters());
            AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
            if (DIGESTS.contains(p.getHashAlgorithm().getAlgorithm())
                    && mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                    && DIGESTS.contains(
                            AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())
                    && p.getTrailerField().intValue() == 1) {
                return;
            }
        }
        throw new UnsupportedEnvelopeException("a signature algorithm " + oid);
    }
}
