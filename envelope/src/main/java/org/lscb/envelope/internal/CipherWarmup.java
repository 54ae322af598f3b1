package org.lscb.envelope.internal;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM and AES-CTR compiled with the processor's AES and carry-less multiply
 * instructions before the first large document goes through them.
 *
 * <p>HotSpot compiles a method with those instructions only after it has been called some thousands of
 * times. A document streams through in 16 KiB slices, so a fresh JVM (every run of the client) would
 * spend its first few hundred MiB in the plain-Java cipher at a tenth of the speed: measured here,
 * AES-GCM took 1.3 s for its first GiB and 0.45 s with this warm-up (0.2 s of it the warm-up), AES-CTR
 * 0.42 s against 0.21 s. Tens of thousands of calls on a small block of zeros under a throwaway key get
 * there in a fraction of the time. It starts on its own thread when the envelope classes are first used
 * (while keys are still being read) and runs once per JVM; nothing it computes is used.
 */
public final class CipherWarmup {

    private static final int CALLS = 50_000;
    private static final int BLOCK = 256;
    private static final Thread WARMING = new Thread(CipherWarmup::warm, "lscb-cipher-warmup");
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    static {
        WARMING.setDaemon(true);
    }

    private CipherWarmup() {
    }

    /** Starts the warm-up on its own thread the first time; returns at once. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            WARMING.start();
        }
    }

    /** Waits until the warm-up is done, starting it if nothing has yet; at once after the first time. */
    public static void await() {
        start();
        try {
            WARMING.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warm() {
        try {
            byte[] in = new byte[BLOCK];
            byte[] out = new byte[BLOCK + 16];
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding", "SunJCE");
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
            for (int i = 0; i < CALLS; i++) {
                gcm.update(in, 0, BLOCK, out, 0);
                ctr.update(in, 0, BLOCK, out, 0);
            }
        } catch (GeneralSecurityException e) {
            // only speed is lost: the real operation will report what is wrong with the provider
        }
    }
}
