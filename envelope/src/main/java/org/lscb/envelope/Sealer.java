package org.lscb.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.lscb.envelope.internal.BackgroundDigests;
import org.lscb.envelope.internal.Bc;
import org.lscb.envelope.internal.GcmContentEncryptor;
import org.lscb.envelope.internal.JdkSignatures;
import org.lscb.envelope.internal.KeyRules;

/**
 * Signs a document as its author and encrypts it to a set of recipients, as one stream in constant
 * memory: CMS SignedData (RSA-PSS or ECDSA, SHA-256, the author's certificate included), carried as
 * id-data so that {@code openssl cms -decrypt} hands it over as it is, inside
 * AuthEnvelopedData with AES-256-GCM, or EnvelopedData with AES-256-CBC when asked. Each recipient gets
 * the content key by RSA-OAEP-SHA-256 or ECDH on its curve. Immutable and reusable.
 */
public final class Sealer {

    /** Encrypted content goes out in BER chunks of 16 KiB: small enough that the JDK compiles its AES-GCM with intrinsics, large enough that framing costs nothing. */
    static final int BER_CHUNK = 16 * 1024;
    /**
     * The largest document the default profile seals: the JDK's AES-GCM limit less 2 MiB. The SignedData
     * around the document and the envelope around that each add 4 bytes per 16 KiB chunk (512 KiB per
     * layer at 2 GiB) and a few KiB of certificates, recipients and signature, so the margin keeps both
     * the encrypted content under the JDK's limit and the whole envelope under the default 2 GiB upload
     * cap. Beyond it {@link #seal} fails with {@link EnvelopeTooLargeException}; the AES-256-CBC profile
     * has no such limit.
     */
    public static final long MAX_GCM_DOCUMENT_BYTES = GcmContentEncryptor.MAX_CONTENT_BYTES - (2L << 20);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final EnvelopeProfile profile;
    private final List<X509Certificate> recipients;
    private final Identity author;

    Sealer(EnvelopeProfile profile, List<X509Certificate> recipients, Identity author) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        recipients.forEach(c -> KeyRules.check(c.getPublicKey()));
        this.profile = profile;
        this.recipients = List.copyOf(recipients);
        this.author = author;
    }

    /**
     * Reads {@code plaintext} to its end and writes the DER envelope to {@code out}; closes neither.
     *
     * @throws EnvelopeTooLargeException when an AES-256-GCM envelope's content passes the JDK's limit
     */
    public void seal(InputStream plaintext, OutputStream out) throws IOException {
        // the digest over the content comes from the JDK, on its own thread beside the encryption
        try (BackgroundDigests digests = new BackgroundDigests()) {
            OutputStream encrypted = openEnvelope(new NonClosing(out));
            CMSSignedDataStreamGenerator signed = new CMSSignedDataStreamGenerator();
            signed.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .build(JdkSignatures.signer(author.privateKey()), author.certificate()));
            signed.addCertificate(new X509CertificateHolder(author.certificate().getEncoded()));
            signed.setBufferSize(BER_CHUNK);
            try (OutputStream content = signed.open(encrypted, true)) {
                byte[] buf = new byte[BER_CHUNK];
                int n;
                while ((n = plaintext.readNBytes(buf, 0, buf.length)) > 0) {
                    content.write(buf, 0, n);
                }
            }
            encrypted.close();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("cannot seal: " + e.getMessage(), e);
        }
    }

    private OutputStream openEnvelope(OutputStream out) throws CMSException, IOException {
        if (profile == EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM) {
            CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
            gen.setBufferSize(BER_CHUNK);
            for (X509Certificate c : recipients) {
                gen.addRecipientInfoGenerator(recipientInfo(c));
            }
            OutputAEADEncryptor gcm;
            try {
                gcm = new GcmContentEncryptor(RANDOM);
            } catch (GeneralSecurityException e) {
                throw new CMSException("cannot set up AES-256-GCM: " + e.getMessage(), e);
            }
            // the SignedData travels as id-data: RFC 5083 would otherwise need authenticated attributes, which the
            // stream generator can only add after the content, too late for the JDK's fast AES-GCM
            return gen.open(out, gcm);
        }
        CMSEnvelopedDataStreamGenerator gen = new CMSEnvelopedDataStreamGenerator();
        gen.setBufferSize(BER_CHUNK);
        for (X509Certificate c : recipients) {
            gen.addRecipientInfoGenerator(recipientInfo(c));
        }
        return gen.open(out, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());
    }

    static RecipientInfoGenerator recipientInfo(X509Certificate c) throws CMSException {
        try {
            if (KeyRules.isRsa(c.getPublicKey())) {
                return new JceKeyTransRecipientInfoGenerator(
                        c,
                        new JcaAlgorithmParametersConverter()
                                .getAlgorithmIdentifier(
                                        PKCSObjectIdentifiers.id_RSAES_OAEP,
                                        new OAEPParameterSpec(
                                                "SHA-256",
                                                "MGF1",
                                                MGF1ParameterSpec.SHA256,
                                                PSource.PSpecified.DEFAULT)));
            }
            Bc.provider(); // ECDH with the CMS key derivation: the JDK lacks it
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", Bc.NAME);
            kpg.initialize(((ECPublicKey) c.getPublicKey()).getParams());
            KeyPair ephemeral = kpg.generateKeyPair();
            return new JceKeyAgreeRecipientInfoGenerator(
                            CMSAlgorithm.ECDH_SHA256KDF,
                            ephemeral.getPrivate(),
                            ephemeral.getPublic(),
                            CMSAlgorithm.AES256_WRAP)
                    .addRecipient(c)
                    .setProvider(Bc.NAME);
        } catch (GeneralSecurityException e) {
            throw new CMSException(
                    "cannot address recipient " + c.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    public EnvelopeProfile profile() {
        return profile;
    }

    /** Lets the CMS generators finish their structures without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
