package org.lscb.envelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;
import org.lscb.envelope.internal.Bc;

/**
 * Envelopes an attacker can build: any content under any content key, a mac field of any size, fields
 * streamed lazily so that a "gigabyte" costs the test nothing. Built with Bouncy Castle's generators and
 * the JDK's ciphers, never with the library's own sealing, which would refuse to make them.
 */
final class HostileEnvelopes {

    /** The last bytes of a GCM envelope from {@link Sealer}: the mac field (04 10 + 16-byte tag) and three end-of-contents. */
    static final int SEALED_TAIL = 18 + 6;

    private HostileEnvelopes() {}

    /** The author's SignedData inside an AES-256-GCM envelope, as its recipient (any recipient) recovers it. */
    static byte[] innerSignedData(byte[] envelope, Identity recipient) throws Exception {
        Bc.provider();
        RecipientInformation ri = new CMSAuthEnvelopedData(envelope)
                .getRecipientInfos()
                .get(new JceKeyTransRecipientId(recipient.certificate()));
        return ri.getContent(new JceKeyTransAuthEnvelopedRecipient(recipient.privateKey()).setProvider(Bc.NAME));
    }

    /** AuthEnvelopedData to {@code to} (RSA-OAEP or ECDH, as the Sealer addresses it) around {@code content}. */
    static byte[] authEnveloped(Identity to, byte[] content, Gcm gcm) throws Exception {
        CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
        g.addRecipientInfoGenerator(Sealer.recipientInfo(to.certificate()));
        return g.generate(new CMSProcessableByteArray(content), gcm).getEncoded();
    }

    /** EnvelopedData labelled id-aes256-CBC to {@code to} around {@code content}, under a content key of {@code keyBytes}. */
    static byte[] cbcEnveloped(Identity to, byte[] content, int keyBytes) throws Exception {
        CMSEnvelopedDataGenerator g = new CMSEnvelopedDataGenerator();
        g.addRecipientInfoGenerator(Sealer.recipientInfo(to.certificate()));
        return g.generate(new CMSProcessableByteArray(content), new Cbc(keyBytes))
                .getEncoded();
    }

    /** {@code sealed} (a GCM envelope from the Sealer) with {@code insert} before its mac field. */
    static InputStream withBeforeMac(byte[] sealed, InputStream insert) {
        byte[] head = Arrays.copyOf(sealed, sealed.length - SEALED_TAIL);
        byte[] tail = Arrays.copyOfRange(sealed, sealed.length - SEALED_TAIL, sealed.length);
        return concat(new ByteArrayInputStream(head), insert, new ByteArrayInputStream(tail));
    }

    /** {@code sealed} (a GCM envelope from the Sealer) with its mac field replaced by {@code mac}. */
    static InputStream withMacField(byte[] sealed, InputStream mac) {
        byte[] head = Arrays.copyOf(sealed, sealed.length - SEALED_TAIL);
        byte[] ends = Arrays.copyOfRange(sealed, sealed.length - 6, sealed.length);
        return concat(new ByteArrayInputStream(head), mac, new ByteArrayInputStream(ends));
    }

    /** A constructed, indefinite-length OCTET STRING of {@code mebibytes} chunks of 1 MiB, made as it is read. */
    static InputStream hugeOctetString(int mebibytes) {
        byte[] chunk = new byte[5 + (1 << 20)];
        chunk[0] = 0x04;
        chunk[1] = (byte) 0x83;
        chunk[2] = 0x10; // 0x100000 bytes
        return concat(
                new ByteArrayInputStream(new byte[] {0x24, (byte) 0x80}),
                repeated(chunk, mebibytes),
                new ByteArrayInputStream(new byte[] {0, 0}));
    }

    /** {@code unit} {@code times} over, without holding more than one copy. */
    static InputStream repeated(byte[] unit, long times) {
        return new InputStream() {
            private long left = unit.length * times;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int at = (int) ((unit.length * times - left) % unit.length);
                int n = (int) Math.min(Math.min(len, unit.length - at), left);
                System.arraycopy(unit, at, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    static byte[] seal(Identity author, Identity to, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelopes.sealer(author, List.of(to.certificate())).seal(new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    /** Counts what a reader took, to show that it stopped early. */
    static final class Counting extends FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    /** AES-GCM labelled id-aes256-GCM under a key of any length, the tag split between content and mac as asked. */
    static final class Gcm implements OutputAEADEncryptor {
        private final SecretKeySpec key;
        private final byte[] nonce = new byte[12];
        private final int macBytes;
        private byte[] mac;

        Gcm(int keyBytes, int macBytes) {
            byte[] k = new byte[keyBytes];
            new SecureRandom().nextBytes(k);
            new SecureRandom().nextBytes(nonce);
            this.key = new SecretKeySpec(k, "AES");
            this.macBytes = macBytes;
        }

        static Gcm aes256() {
            return new Gcm(32, 16);
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16));
        }

        @Override
        public GenericKey getKey() {
            return new JceGenericKey(getAlgorithmIdentifier(), key);
        }

        @Override
        public OutputStream getAADStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public byte[] getMAC() {
            return mac;
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            return new ByteArrayOutputStream() {
                @Override
                public void close() throws IOException {
                    try {
                        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                        byte[] all = c.doFinal(toByteArray());
                        out.write(all, 0, all.length - macBytes);
                        mac = Arrays.copyOfRange(all, all.length - macBytes, all.length);
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IOException(e);
                    }
                }
            };
        }
    }

    /** AES-CBC labelled id-aes256-CBC under a key of any length. */
    private static final class Cbc implements OutputEncryptor {
        private final SecretKeySpec key;
        private final byte[] iv = new byte[16];

        Cbc(int keyBytes) {
            byte[] k = new byte[keyBytes];
            new SecureRandom().nextBytes(k);
            new SecureRandom().nextBytes(iv);
            this.key = new SecretKeySpec(k, "AES");
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            try {
                Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
                return new CipherOutputStream(out, c);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public GenericKey getKey() {
            return new JceGenericKey(getAlgorithmIdentifier(), key);
        }
    }
}
