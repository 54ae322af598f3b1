package org.lscb.bench;

import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The limit issue 24 measures the envelope against: the JDK's own AES-256-GCM and SHA-256 on one core, each over
 * 1 MiB in the 16 KiB updates the envelope makes. Every byte a seal or an open handles passes through both, so
 * the limit for either is one over the sum of their times per byte. Run by {@link ExchangeSpeedBenchmark} in a
 * forked JVM of its own; the score is the time per MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class PrimitiveLimit {

    static final int MIB = 1 << 20;
    private static final int UPDATE = 16 * 1024;

    private final byte[] plain = new byte[MIB];
    private final byte[] out = new byte[MIB + 16];
    private final byte[] nonce = new byte[12];
    private SecretKeySpec key;
    private Cipher gcm;
    private MessageDigest sha256;
    private long counter;

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(24);
        random.nextBytes(plain);
        byte[] k = new byte[32];
        random.nextBytes(k);
        key = new SecretKeySpec(k, "AES");
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** AES-256-GCM encryption of 1 MiB under a fresh nonce (the JDK refuses to reuse one), tag included. */
    @Benchmark
    public byte[] aesGcm() throws Exception {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (n >>> (8 * i));
        }
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        int o = 0;
        for (int off = 0; off < MIB; off += UPDATE) {
            o += gcm.update(plain, off, UPDATE, out, o);
        }
        gcm.doFinal(out, o);
        return out;
    }

    /** SHA-256 of 1 MiB. */
    @Benchmark
    public byte[] sha256() {
        for (int off = 0; off < MIB; off += UPDATE) {
            sha256.update(plain, off, UPDATE);
        }
        return sha256.digest();
    }
}
