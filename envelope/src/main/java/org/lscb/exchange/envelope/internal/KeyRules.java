package org.lscb.exchange.envelope.internal;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;

/** Which recipient and signing keys the profile accepts: RSA of 3072 bits or more, EC on P-256 or P-384. */
public final class KeyRules {

    public static final int MIN_RSA_BITS = 3072;

    private KeyRules() {
    }

    public static void check(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("RSA keys must have at least " + MIN_RSA_BITS + " bits, not "
                        + rsa.getModulus().bitLength());
            }
            return;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if ((bits != 256 && bits != 384) || !namedPrimeCurve(ec.getParams())) {
                throw new IllegalArgumentException("EC keys must be on P-256 or P-384");
            }
            return;
        }
        throw new IllegalArgumentException("keys must be RSA (3072 bits or more) or EC (P-256, P-384), not " + key.getAlgorithm());
    }

    private static boolean namedPrimeCurve(ECParameterSpec p) {
        String a = p.getCurve().getA().toString(16);
        // P-256 and P-384 both have a = p - 3; other 256/384-bit curves (brainpool) do not
        java.math.BigInteger prime = ((java.security.spec.ECFieldFp) p.getCurve().getField()).getP();
        return p.getCurve().getA().equals(prime.subtract(java.math.BigInteger.valueOf(3))) && !a.isEmpty();
    }

    public static boolean isRsa(PublicKey key) {
        return key instanceof RSAPublicKey;
    }
}
