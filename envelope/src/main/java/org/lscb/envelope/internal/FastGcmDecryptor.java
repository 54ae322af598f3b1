package org.lscb.envelope.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.operator.InputAEADDecryptor;
import org.lscb.envelope.EnvelopeTooLargeException;

/**
 * AES-256-GCM decryption that streams in constant memory at the JDK's hardware speed. The JDK's own
 * GCM decryption holds the whole message until the tag is checked, and Bouncy Castle's pure-Java GCM is
 * slow; instead the ciphertext is decrypted with the JDK's AES-CTR from the counter GCM uses (J0 + 1),
 * and the tag is recomputed by encrypting the recovered plaintext again with the JDK's GCM under the same
 * key and nonce: that yields the same ciphertext and so the same tag, which must equal the received one.
 * Plaintext flows out before the tag is checked, so callers must keep it provisional (the Opener writes
 * it to a temporary file it deletes unless the whole stream, tag included, verified).
 */
public final class FastGcmDecryptor implements InputAEADDecryptor {

    private static final int TAG = 16;
    private static final int SLICE = 16 * 1024;
    /**
     * The most ciphertext (tag excluded) this decrypts: the tag is recomputed with the JDK's AES-GCM, which takes at
     * most this much under one key and nonce, as when sealing, and past it throws ProviderException. Counted here so
     * that a larger envelope is refused as too large instead.
     */
    public static final long MAX_CONTENT_BYTES = GcmContentEncryptor.MAX_CONTENT_BYTES;

    private final long maxContent;
    private final AlgorithmIdentifier algorithm;
    private final Cipher ctr;
    private final Cipher tagger;
    private InputStream source;

    /** The content key must be an AES-256 key (32 bytes): a shorter one would decrypt an envelope labelled AES-256 as AES-128. */
    public FastGcmDecryptor(AlgorithmIdentifier algorithm, Key contentKey) throws GeneralSecurityException {
        this(algorithm, contentKey, MAX_CONTENT_BYTES);
    }

    FastGcmDecryptor(AlgorithmIdentifier algorithm, Key contentKey, long maxContent) throws GeneralSecurityException {
        Algorithms.checkContentKey(contentKey);
        this.maxContent = maxContent;
        GCMParameters params = GCMParameters.getInstance(algorithm.getParameters());
        byte[] nonce = params.getNonce();
        if (params.getIcvLen() != TAG || nonce.length != 12) {
            throw new GeneralSecurityException("only 96-bit nonces and 128-bit tags are supported");
        }
        SecretKeySpec key = new SecretKeySpec(contentKey.getEncoded(), "AES");
        byte[] counter = new byte[16];
        System.arraycopy(nonce, 0, counter, 0, 12);
        counter[15] = 2; // J0 = nonce || 0^31 || 1; the first block of content uses inc32(J0)
        this.algorithm = algorithm;
        this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
        this.ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
        this.tagger = Cipher.getInstance("AES/GCM/NoPadding");
        this.tagger.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream ciphertextAndTag) {
        this.source = ciphertextAndTag;
        return new Decrypting(ciphertextAndTag);
    }

    /**
     * Refuses authenticated attributes: Bouncy Castle hands them over after the content (RFC 5083 puts them after it),
     * too late for AES-GCM, whose additional data comes first. The Sealer never sends any.
     */
    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("authenticated attributes (authAttrs) are not supported in an AuthEnvelopedData");
            }
        };
    }

    @Override
    public byte[] getMAC() {
        return source instanceof InputStreamWithMAC withMac ? withMac.getMAC() : null;
    }

    /** Holds back the last 16 bytes (the tag) and checks it at the end of the stream. */
    private final class Decrypting extends FilterInputStream {

        private final byte[] buf = new byte[256 * 1024 + TAG];
        private int held;
        private byte[] out = new byte[0];
        private int outPos;
        private int outLimit;
        private byte[] plain = new byte[0];
        private final byte[] scratch = new byte[SLICE + 2 * TAG];
        private boolean finished;
        private boolean eof;
        private long decrypted;

        Decrypting(InputStream source) {
            super(source);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (outPos == outLimit) {
                if (finished) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, outLimit - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private void fill() throws IOException {
            // gather a large chunk first: the JDK's AES and GHASH run at full speed only on large inputs
            int n = 0;
            while (!eof && held < buf.length) {
                n = in.read(buf, held, buf.length - held);
                if (n < 0) {
                    eof = true;
                } else {
                    held += n;
                }
            }
            if (eof && held <= TAG) {
                finish();
                return;
            }
            int ready = held - TAG;
            if (ready <= 0) {
                outPos = 0;
                outLimit = 0;
                return;
            }
            if (decrypted + ready > maxContent) {
                throw new EnvelopeTooLargeException(maxContent);
            }
            decrypted += ready;
            if (plain.length < ready) {
                plain = new byte[buf.length];
            }
            try {
                // slices of 16 KiB: called often, the JDK compiles these methods with its AES and GHASH
                // intrinsics; called rarely on huge arrays, it never does and runs ten times slower
                for (int off = 0; off < ready; off += SLICE) {
                    int len = Math.min(SLICE, ready - off);
                    ctr.update(buf, off, len, plain, off);
                    tagger.update(plain, off, len, scratch, 0); // recomputes the ciphertext, and with it the tag
                }
            } catch (javax.crypto.ShortBufferException e) {
                throw new IOException(e);
            }
            out = plain;
            outLimit = ready;
            System.arraycopy(buf, ready, buf, 0, TAG);
            held = TAG;
            outPos = 0;
        }

        private void finish() throws IOException {
            finished = true;
            if (held != TAG) {
                throw new IOException("truncated: no authentication tag");
            }
            if (source instanceof InputStreamWithMAC withMac && withMac.getMAC().length != TAG) {
                // the tag belongs in the mac field whole, not split between it and the content
                throw new IOException("the mac field holds " + withMac.getMAC().length + " bytes, not the 16-byte tag");
            }
            try {
                byte[] last = tagger.doFinal();
                byte[] expected = java.util.Arrays.copyOfRange(last, last.length - TAG, last.length);
                byte[] received = java.util.Arrays.copyOfRange(buf, 0, TAG);
                if (!MessageDigest.isEqual(expected, received)) {
                    throw new IOException("authentication tag mismatch");
                }
                out = ctr.doFinal();
                outLimit = out == null ? 0 : out.length;
                if (out == null) {
                    out = new byte[0];
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("authentication failed", e);
            }
            outPos = 0;
        }
    }
}
