package org.lscb.envelope.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;
import org.lscb.envelope.EnvelopeTooLargeException;

/**
 * AES-256-GCM content encryption for AuthEnvelopedData with the JDK's cipher, called the way it is fast.
 *
 * <p>Bouncy Castle's own content encryptor runs the JDK cipher through {@code Cipher.update(byte[], int, int)},
 * which returns a new array per call and takes a path HotSpot compiles late and badly, several times slower
 * than encrypting into a reused buffer. This class does the latter: content is gathered into whole 16 KiB blocks,
 * each encrypted into the same output buffer, and the tag is kept apart for the envelope's {@code mac}
 * field. Parameters as RFC 5084: a random 12-byte nonce and a 16-byte tag.
 */
public final class GcmContentEncryptor implements OutputAEADEncryptor {

    static final int BLOCK = 16 * 1024;
    /** The most content the JDK's AES-GCM encrypts under one key and nonce: its 2 GiB - 1 byte include the tag. */
    public static final long MAX_CONTENT_BYTES = Integer.MAX_VALUE - 16L;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;
    private final AlgorithmIdentifier algorithm;
    private final Cipher cipher;
    private final long maxContent;
    private byte[] mac;

    public GcmContentEncryptor(SecureRandom random) throws GeneralSecurityException {
        this(random, MAX_CONTENT_BYTES);
    }

    GcmContentEncryptor(SecureRandom random, long maxContent) throws GeneralSecurityException {
        this.maxContent = maxContent;
        byte[] k = new byte[32];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(k);
        random.nextBytes(nonce);
        this.key = new SecretKeySpec(k, "AES");
        Arrays.fill(k, (byte) 0);
        this.algorithm =
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, TAG_BYTES));
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        this.cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public GenericKey getKey() {
        return new JceGenericKey(algorithm, key);
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new Encrypting(out);
    }

    /** No authenticated attributes are ever sent: the SignedData inside carries the author's signature. */
    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("authenticated attributes are not used");
            }
        };
    }

    @Override
    public byte[] getMAC() {
        if (mac == null) {
            throw new IllegalStateException("the content is not finished");
        }
        return mac.clone();
    }

    private final class Encrypting extends OutputStream {
        private final OutputStream out;
        private final byte[] block = new byte[BLOCK];
        private final byte[] encrypted = new byte[BLOCK + TAG_BYTES];
        private int filled;
        private long total;
        private boolean closed;

        Encrypting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            total += len;
            if (total > maxContent) {
                throw new EnvelopeTooLargeException(maxContent);
            }
            while (len > 0) {
                int n = Math.min(len, BLOCK - filled);
                System.arraycopy(b, off, block, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == BLOCK) {
                    try {
                        out.write(encrypted, 0, cipher.update(block, 0, BLOCK, encrypted, 0));
                    } catch (GeneralSecurityException e) {
                        throw new IOException("cannot encrypt: " + e.getMessage(), e);
                    }
                    filled = 0;
                }
            }
        }

        /** The last block, then the tag, which goes to the envelope's mac field rather than the content; {@code out} stays open. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                int n = cipher.doFinal(block, 0, filled, encrypted, 0);
                out.write(encrypted, 0, n - TAG_BYTES);
                mac = Arrays.copyOfRange(encrypted, n - TAG_BYTES, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt: " + e.getMessage(), e);
            }
            // the generator closes the octet string underneath itself, after this
        }
    }
}
