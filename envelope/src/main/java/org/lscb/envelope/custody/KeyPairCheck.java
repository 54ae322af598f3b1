package org.lscb.envelope.custody;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Signatures by a key, checked against a certificate: the proof that a key is the one a certificate names. */
final class KeyPairCheck {

    private KeyPairCheck() {}

    /** True when {@code key} is the private half of {@code certificate}'s public key. */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            return verifies(certificate.getPublicKey(), challenge, sign(key, challenge));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm(key.getAlgorithm()));
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm(key.getAlgorithm()));
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String algorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("a board key of type " + keyAlgorithm);
        };
    }
}
