package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The block-gathering GCM content encryptor writes exactly what the JDK's one-shot AES-GCM would, tag apart. */
class GcmContentEncryptorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 16_383, 16_384, 16_385, 16_388 * 3, 1_000_003})
    void ciphertextAndMac_areTheJdksAtEveryLength_whateverTheWriteSizes(int length) throws Exception {
        byte[] plain = new byte[length];
        new Random(length).nextBytes(plain);
        GcmContentEncryptor enc = new GcmContentEncryptor(new SecureRandom());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = enc.getOutputStream(sink)) {
            // BER-like pieces: 4 bytes, then up to 16 KiB, crossing every block boundary
            int at = 0;
            Random sizes = new Random(7);
            while (at < length) {
                int n = Math.min(length - at, sizes.nextBoolean() ? 4 : 1 + sizes.nextInt(20_000));
                out.write(plain, at, n);
                at += n;
            }
        }

        GCMParameters params =
                GCMParameters.getInstance(enc.getAlgorithmIdentifier().getParameters());
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, keyOf(enc), new GCMParameterSpec(128, params.getNonce()));
        byte[] sealed = concat(sink.toByteArray(), enc.getMAC());

        assertThat(enc.getAlgorithmIdentifier().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_GCM);
        assertThat(params.getNonce()).hasSize(12);
        assertThat(params.getIcvLen()).isEqualTo(16);
        assertThat(sink.size()).isEqualTo(length);
        assertThat(jdk.doFinal(sealed)).isEqualTo(plain);
    }

    @Test
    void contentUpToTheLimit_isEncrypted_andOneByteMoreIsRefusedAsTooLarge() throws Exception {
        GcmContentEncryptor enc = new GcmContentEncryptor(new SecureRandom(), 40_000);
        OutputStream out = enc.getOutputStream(OutputStream.nullOutputStream());
        out.write(new byte[30_000]);
        out.write(new byte[10_000]);

        assertThatThrownBy(() -> out.write(1))
                .isInstanceOf(org.lscb.envelope.EnvelopeTooLargeException.class)
                .hasMessageContaining("40000 bytes");
    }

    /**
     * The JDK's own limit: its AES-GCM takes 2 GiB - 1 byte, tag included, and throws ProviderException
     * beyond it, which a caller would see as a crash. Exactly our limit is sealed; one byte more is ours to refuse.
     */
    @Test
    void exactlyTheLimitIsSealed_andPastItTheRefusalIsOurs_notTheJdksProviderException() throws Exception {
        GcmContentEncryptor enc = new GcmContentEncryptor(new SecureRandom());
        OutputStream out = enc.getOutputStream(OutputStream.nullOutputStream());
        byte[] block = new byte[1 << 20];
        long written = 0;
        for (; written + block.length <= GcmContentEncryptor.MAX_CONTENT_BYTES; written += block.length) {
            out.write(block);
        }
        out.write(block, 0, (int) (GcmContentEncryptor.MAX_CONTENT_BYTES - written));

        assertThatThrownBy(() -> out.write(1)).isInstanceOf(org.lscb.envelope.EnvelopeTooLargeException.class);
        out.close();
        assertThat(enc.getMAC()).hasSize(16);
    }

    @Test
    void eachEncryptor_hasItsOwnKeyAndNonce() throws Exception {
        GcmContentEncryptor a = new GcmContentEncryptor(new SecureRandom());
        GcmContentEncryptor b = new GcmContentEncryptor(new SecureRandom());

        assertThat(keyOf(a).getEncoded()).isNotEqualTo(keyOf(b).getEncoded());
        assertThat(GCMParameters.getInstance(a.getAlgorithmIdentifier().getParameters())
                        .getNonce())
                .isNotEqualTo(
                        GCMParameters.getInstance(b.getAlgorithmIdentifier().getParameters())
                                .getNonce());
    }

    @Test
    void theMac_isOnlyThereOnceTheContentIsFinished_andAuthenticatedAttributesAreRefused() throws Exception {
        GcmContentEncryptor enc = new GcmContentEncryptor(new SecureRandom());
        OutputStream out = enc.getOutputStream(OutputStream.nullOutputStream());
        out.write(new byte[100]);

        assertThatThrownBy(enc::getMAC).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> enc.getAADStream().write(1)).isInstanceOf(UnsupportedOperationException.class);
        out.close();
        assertThat(enc.getMAC()).hasSize(16);
    }

    private static SecretKey keyOf(GcmContentEncryptor enc) {
        Object key = enc.getKey().getRepresentation();
        return key instanceof SecretKey k ? k : new javax.crypto.spec.SecretKeySpec((byte[]) key, "AES");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
