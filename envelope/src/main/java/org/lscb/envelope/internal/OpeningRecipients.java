package org.lscb.envelope.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/**
 * The Bouncy Castle recipients the Opener decrypts with, per container and key kind. Each takes only an
 * AES-256 content key (32 bytes): a key of 16 bytes under an {@code id-aes256-*} label would otherwise
 * decrypt as AES-128 while the envelope is reported, and re-granted, as AES-256.
 */
public final class OpeningRecipients {

    private OpeningRecipients() {}

    /** AuthEnvelopedData: unwraps the content key as Bouncy Castle would, then decrypts with {@link FastGcmDecryptor}, which checks the key. */
    public static Recipient authEnveloped(PrivateKey key, boolean rsa) {
        if (rsa) {
            return new JceKeyTransAuthEnvelopedRecipient(key) {
                @Override
                public RecipientOperator getRecipientOperator(
                        AlgorithmIdentifier keyAlg, AlgorithmIdentifier contentAlg, byte[] encryptedKey)
                        throws CMSException {
                    return fastGcm(contentAlg, extractSecretKey(keyAlg, contentAlg, encryptedKey));
                }
            };
        }
        return new JceKeyAgreeAuthEnvelopedRecipient(key) {
            @Override
            public RecipientOperator getRecipientOperator(
                    AlgorithmIdentifier keyAlg,
                    AlgorithmIdentifier contentAlg,
                    SubjectPublicKeyInfo senderKey,
                    ASN1OctetString ukm,
                    byte[] encryptedKey)
                    throws CMSException {
                return fastGcm(contentAlg, extractSecretKey(keyAlg, contentAlg, senderKey, ukm, encryptedKey));
            }
        }.setProvider(Bc.NAME);
    }

    /** EnvelopedData with AES-256-CBC, decrypted by Bouncy Castle. */
    public static Recipient enveloped(PrivateKey key, boolean rsa) {
        if (rsa) {
            // checks the unwrapped key's length against the content algorithm's (256 bits for id-aes256-CBC)
            return new JceKeyTransEnvelopedRecipient(key).setKeySizeValidation(true);
        }
        return new JceKeyAgreeEnvelopedRecipient(key) {
            @Override
            protected Key extractSecretKey(
                    AlgorithmIdentifier keyAlg,
                    AlgorithmIdentifier contentAlg,
                    SubjectPublicKeyInfo senderKey,
                    ASN1OctetString ukm,
                    byte[] encryptedKey)
                    throws CMSException {
                Key contentKey = super.extractSecretKey(keyAlg, contentAlg, senderKey, ukm, encryptedKey);
                Algorithms.checkContentKey(contentKey); // BC offers no key size validation for key agreement
                return contentKey;
            }
        }.setProvider(Bc.NAME);
    }

    private static RecipientOperator fastGcm(AlgorithmIdentifier contentAlg, Key key) throws CMSException {
        try {
            return new RecipientOperator(new FastGcmDecryptor(contentAlg, key));
        } catch (GeneralSecurityException e) {
            throw new CMSException("cannot set up decryption", e);
        }
    }
}
