package org.lscb.envelope.internal;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, registered once, used by name where the JDK lacks an algorithm: ECDH with
 * the CMS key derivation, for EC recipients. RSA-OAEP, RSA-PSS, ECDSA and AES come from the JDK's own
 * providers, so that sealing and opening with RSA keys never builds this one.
 */
public final class Bc {

    public static final String NAME = BouncyCastleProvider.PROVIDER_NAME;

    private Bc() {}

    public static synchronized Provider provider() {
        Provider p = Security.getProvider(NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        return p;
    }
}
