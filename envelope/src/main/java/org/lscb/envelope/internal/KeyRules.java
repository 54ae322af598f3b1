package org.lscb.envelope.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * Which recipient and signing keys the profile accepts: RSA of 3072 bits or more with a public exponent
 * of at least 65537, and EC keys on exactly P-256 or P-384 (every curve parameter compared). A key that
 * only looks right (an exponent of 1 encrypts nothing; a look-alike curve may be weak) is refused.
 */
public final class KeyRules {

    public static final int MIN_RSA_BITS = 3072;
    static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    private static final ECParameterSpec P256 = named("secp256r1");
    private static final ECParameterSpec P384 = named("secp384r1");

    private KeyRules() {}

    public static void check(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            BigInteger n = rsa.getModulus();
            BigInteger e = rsa.getPublicExponent();
            if (n.bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(
                        "RSA keys must have at least " + MIN_RSA_BITS + " bits, not " + n.bitLength());
            }
            if (e.compareTo(MIN_EXPONENT) < 0 || !e.testBit(0) || e.compareTo(n) >= 0 || !n.testBit(0)) {
                throw new IllegalArgumentException("RSA keys must have an odd public exponent of at least 65537");
            }
            return;
        }
        if (key instanceof ECPublicKey ec) {
            if (!same(ec.getParams(), P256) && !same(ec.getParams(), P384)) {
                throw new IllegalArgumentException("EC keys must be on P-256 or P-384");
            }
            return;
        }
        throw new IllegalArgumentException(
                "keys must be RSA (3072 bits or more) or EC (P-256, P-384), not " + key.getAlgorithm());
    }

    private static boolean same(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve())
                && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    private static ECParameterSpec named(String curve) {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec(curve));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + curve, e);
        }
    }

    public static boolean isRsa(PublicKey key) {
        return key instanceof RSAPublicKey;
    }
}
