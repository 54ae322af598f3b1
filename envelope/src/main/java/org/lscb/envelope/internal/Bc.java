package org.lscb.envelope.internal;

import java.security.Provider;
import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, registered once, used by name where the JDK lacks an algorithm: ECDH with
 * the CMS key derivation, for EC recipients. RSA-OAEP, RSA-PSS, ECDSA and AES come from the JDK's own
 * providers, so that sealing and opening with RSA keys never builds this one.
 */
public final class Bc {

    public static final String NAME = BouncyCastleProvider.PROVIDER_NAME;
    private static final AtomicBoolean LOADING = new AtomicBoolean();

    private Bc() {
    }

    /**
     * Starts registering the provider on its own thread and returns at once; {@link #provider()} waits for
     * it. Building the provider takes about 0.5 s in a fresh JVM here (hundreds of algorithm classes); started
     * when an EC key or recipient is first met, it overlaps reading the envelope's header or the key wrap
     * for the RSA recipients.
     */
    public static void loadInBackground() {
        if (Security.getProvider(NAME) == null && LOADING.compareAndSet(false, true)) {
            Thread t = new Thread(Bc::provider, "lscb-bc-provider");
            t.setDaemon(true);
            t.start();
        }
    }

    public static synchronized Provider provider() {
        Provider p = Security.getProvider(NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        return p;
    }
}
