package org.lscb.envelope.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM and AES-CTR compiled with the processor's AES and carry-less multiply instructions
 * before a large document goes through them. HotSpot compiles a method with those instructions only after
 * some thousands of calls, and a document streams through in 16 KiB slices, so a fresh JVM (every run of the
 * client) would otherwise seal its first few hundred MiB in the interpreted cipher; the exchange benchmark's
 * seal in a fresh JVM is markedly slower without this ({@code docs/benchmarks.md}). Tens of thousands of calls
 * on a small block of zeros under a throwaway key get there sooner. {@link #startFor(long)} runs it once per JVM on a
 * thread of its own, and only for a document large enough to gain from it: for a small one the cipher's own calls
 * are few, and the warm-up would take the second processor from the key's derivation and the command's other work
 * for the whole command. Nothing it computes is used.
 */
public final class CipherWarmup {

    /**
     * From this size the warm-up pays for itself: a document this large makes thousands of calls into the cipher,
     * enough for HotSpot to compile it anyway, but only after much of the document has passed interpreted.
     */
    public static final long WORTHWHILE_BYTES = 64L << 20;

    private static final int CALLS = 50_000;
    private static final int BLOCK = 256;
    private static boolean started;

    private CipherWarmup() {}

    /**
     * Starts the warm-up on its own thread the first time a document of at least {@link #WORTHWHILE_BYTES} is
     * announced; returns at once.
     */
    public static synchronized void startFor(long documentBytes) {
        if (started || documentBytes < WORTHWHILE_BYTES) {
            return;
        }
        started = true;
        Thread t = new Thread(CipherWarmup::warm, "lscb-cipher-warmup");
        t.setDaemon(true);
        t.start();
    }

    static synchronized boolean started() {
        return started;
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
