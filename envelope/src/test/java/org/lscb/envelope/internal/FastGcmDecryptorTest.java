package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming GCM decryption agrees with the JDK's own AES-GCM at every length, and refuses any change. */
class FastGcmDecryptorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 4095, 262_144, 262_160, 1_000_003})
    void decryptsWhatTheJdkEncrypted(int length) throws Exception {
        byte[] key = bytes(32, 1);
        byte[] nonce = bytes(12, 2);
        byte[] plain = bytes(length, 3);
        byte[] sealed = jdkSeal(key, nonce, plain);

        assertThat(readAll(decryptor(key, nonce).getInputStream(new ByteArrayInputStream(sealed))))
                .isEqualTo(plain);
    }

    @Test
    void knownAnswer_nistGcmTestCase14() throws Exception {
        // NIST GCM test case 14: AES-256, zero key, zero 96-bit IV, one zero block
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] sealed =
                HexFormat.of().parseHex("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");

        assertThat(readAll(decryptor(key, nonce).getInputStream(new ByteArrayInputStream(sealed))))
                .isEqualTo(new byte[16]);
    }

    @Test
    void aChangedByteAnywhere_orAMissingTag_isRefusedAtTheEnd() throws Exception {
        byte[] key = bytes(32, 1);
        byte[] nonce = bytes(12, 2);
        byte[] sealed = jdkSeal(key, nonce, bytes(100_000, 3));
        for (int at : new int[] {0, 50_000, sealed.length - 17, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= (byte) 0x80;
            assertThatThrownBy(() -> readAll(decryptor(key, nonce).getInputStream(new ByteArrayInputStream(tampered))))
                    .as("changed at %d", at)
                    .isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> readAll(decryptor(key, nonce).getInputStream(new ByteArrayInputStream(new byte[7]))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aShortTagOrLongNonce_isNotAccepted() {
        AlgorithmIdentifier shortTag =
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(new byte[12], 12));

        assertThatThrownBy(() -> new FastGcmDecryptor(shortTag, new SecretKeySpec(new byte[32], "AES")))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void a128BitContentKey_isRefused_thoughTheLabelSaysAes256() {
        AlgorithmIdentifier aes256 =
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(new byte[12], 16));

        assertThatThrownBy(() -> new FastGcmDecryptor(aes256, new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(org.lscb.envelope.UnsupportedEnvelopeException.class)
                .hasMessageStartingWith("an AES-256 content key of 128 bits");
    }

    @Test
    void authenticatedAttributes_areRefused() throws Exception {
        FastGcmDecryptor d = decryptor(bytes(32, 1), bytes(12, 2));

        assertThatThrownBy(() -> d.getAADStream().write(new byte[] {0x31, 0}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("authAttrs");
    }

    @Test
    void contentUpToTheLimit_isDecrypted_andOneByteMoreIsRefusedAsTooLarge() throws Exception {
        byte[] key = bytes(32, 1);
        byte[] nonce = bytes(12, 2);
        AlgorithmIdentifier alg =
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16));
        byte[] atLimit = bytes(300_000, 3);
        byte[] pastLimit = bytes(300_001, 3);

        assertThat(readAll(new FastGcmDecryptor(alg, new SecretKeySpec(key, "AES"), 300_000)
                        .getInputStream(new ByteArrayInputStream(jdkSeal(key, nonce, atLimit)))))
                .isEqualTo(atLimit);
        assertThatThrownBy(() -> readAll(new FastGcmDecryptor(alg, new SecretKeySpec(key, "AES"), 300_000)
                        .getInputStream(new ByteArrayInputStream(jdkSeal(key, nonce, pastLimit)))))
                .isInstanceOf(org.lscb.envelope.EnvelopeTooLargeException.class)
                .hasMessageContaining("300000 bytes");
    }

    /**
     * The tag is recomputed with the JDK's AES-GCM, which takes 2 GiB - 1 byte and then throws ProviderException, an
     * unchecked crash to the caller. Past the limit (what the Sealer seals) the refusal is ours, before the JDK's.
     */
    @Test
    void pastTheJdksLimit_theRefusalIsOurs_notTheJdksProviderException() throws Exception {
        long ciphertextAndTag = FastGcmDecryptor.MAX_CONTENT_BYTES + 1 + 16;
        InputStream zeros = new InputStream() {
            private long left = ciphertextAndTag;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        InputStream plain = decryptor(bytes(32, 1), bytes(12, 2)).getInputStream(zeros);
        byte[] buf = new byte[1 << 20];

        assertThatThrownBy(() -> {
                    while (plain.read(buf) >= 0) {
                        // decrypts up to the limit
                    }
                })
                .isInstanceOf(org.lscb.envelope.EnvelopeTooLargeException.class);
        assertThat(FastGcmDecryptor.MAX_CONTENT_BYTES).isEqualTo(GcmContentEncryptor.MAX_CONTENT_BYTES);
    }

    private static FastGcmDecryptor decryptor(byte[] key, byte[] nonce) throws Exception {
        return new FastGcmDecryptor(
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16)),
                new SecretKeySpec(key, "AES"));
    }

    private static byte[] jdkSeal(byte[] key, byte[] nonce, byte[] plain) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return c.doFinal(plain);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        // small, odd reads so that buffering boundaries are crossed
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] b = new byte[7919];
        int n;
        while ((n = in.read(b, 0, b.length)) >= 0) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
