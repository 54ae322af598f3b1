package org.lscb.envelope;

import java.security.PublicKey;
import org.lscb.envelope.internal.KeyRules;

/** The keys the profile accepts, for code outside the envelope package (the CA refuses others at enrolment). */
public final class Keys {

    private Keys() {}

    /** @throws IllegalArgumentException naming what is allowed: RSA of 3072 bits or more, EC on P-256 or P-384 */
    public static void check(PublicKey key) {
        KeyRules.check(key);
    }
}
