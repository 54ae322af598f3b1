package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.envelope.internal.JdkSignatures;

/**
 * The uploader's outer SignedData (docs/security.md B5, B1, B2): what it unwraps is exactly what its one signer
 * signed, and whatever follows the content is read in bounded memory, so one upload cannot exhaust the heap.
 */
class OuterSignatureTest {

    /** What {@link OuterSignature} may read ahead of its parser (its input buffer), plus a little. */
    private static final long READ_AHEAD = 64 * 1024 + 4096;

    @TempDir
    Path dir;

    @Test
    void uploadSignedWithRsaPssOrEcdsa_isUnwrapped_andNamesItsSigner() throws Exception {
        byte[] envelope = EnvelopesTest.bytes(100_000);
        for (Identity signer : List.of(TestKeys.rsa("Agency Author"), TestKeys.ec("Board"))) {
            ByteArrayOutputStream inner = new ByteArrayOutputStream();

            X509Certificate by =
                    Envelopes.outerSignature().unwrap(new ByteArrayInputStream(signed(signer, envelope)), inner);

            assertThat(by).isEqualTo(signer.certificate());
            assertThat(inner.toByteArray()).isEqualTo(envelope);
        }
    }

    @Test
    void uploadSignedAsItStreams_withIndefiniteLengthsAndChunkedContent_isUnwrapped() throws Exception {
        Identity signer = TestKeys.ec("Board");
        byte[] envelope = EnvelopesTest.bytes(300_000);
        CMSSignedDataStreamGenerator gen = new CMSSignedDataStreamGenerator();
        gen.addSignerInfoGenerator(signerInfo(signer));
        gen.addCertificate(new X509CertificateHolder(signer.certificate().getEncoded()));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (OutputStream content = gen.open(body, true)) {
            content.write(envelope);
        }
        ByteArrayOutputStream inner = new ByteArrayOutputStream();

        X509Certificate by = Envelopes.outerSignature().unwrap(new ByteArrayInputStream(body.toByteArray()), inner);

        assertThat(by).isEqualTo(signer.certificate());
        assertThat(inner.toByteArray()).isEqualTo(envelope);
    }

    @Test
    void uploadSignedByOpensslCms_withRsaPss_orStreamedWithEcdsa_isUnwrapped() throws Exception {
        assumeTrue(run("openssl", "version") == 0, "openssl is not installed");
        byte[] envelope = EnvelopesTest.bytes(200_000);
        Path in = Files.write(dir.resolve("envelope"), envelope);
        // openssl 3.0 cannot stream with RSA-PSS key options, so RSA-PSS goes definite-length and ECDSA streamed
        Identity rsa = TestKeys.rsa("Openssl Author");
        Identity ec = TestKeys.ec("Openssl EC Author");
        Path byRsa = dir.resolve("rsa.der");
        Path byEc = dir.resolve("ec.der");
        assertThat(run(
                        "openssl",
                        "cms",
                        "-sign",
                        "-binary",
                        "-nodetach",
                        "-md",
                        "sha256",
                        "-in",
                        in.toString(),
                        "-signer",
                        pem(rsa).toString(),
                        "-inkey",
                        key(rsa).toString(),
                        "-keyopt",
                        "rsa_padding_mode:pss",
                        "-outform",
                        "DER",
                        "-out",
                        byRsa.toString()))
                .isZero();
        assertThat(run(
                        "openssl",
                        "cms",
                        "-sign",
                        "-binary",
                        "-nodetach",
                        "-stream",
                        "-md",
                        "sha256",
                        "-in",
                        in.toString(),
                        "-signer",
                        pem(ec).toString(),
                        "-inkey",
                        key(ec).toString(),
                        "-outform",
                        "DER",
                        "-out",
                        byEc.toString()))
                .isZero();

        for (var signed : List.of(java.util.Map.entry(rsa, byRsa), java.util.Map.entry(ec, byEc))) {
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            X509Certificate by;
            try (InputStream body = Files.newInputStream(signed.getValue())) {
                by = Envelopes.outerSignature().unwrap(body, inner);
            }
            assertThat(by).isEqualTo(signed.getKey().certificate());
            assertThat(inner.toByteArray()).isEqualTo(envelope);
        }
    }

    /**
     * A SignerInfo taken from a signed empty document, put on any content with a digestAlgorithms set that
     * leaves out the signer's digest: Bouncy Castle's parser then checks the signed message digest against
     * the digest of nothing, and the signer would be bound to content they never saw.
     */
    @Test
    void signerInfoFromAnEmptyDocument_movedOntoOtherContent_isRefused() throws Exception {
        Identity alice = TestKeys.ec("Alice Author");
        SignedData once = signedData(signed(alice, new byte[0]));
        byte[] forged = "Alice never wrote this".getBytes(StandardCharsets.UTF_8);
        SignedData transplanted = new SignedData(
                new DERSet(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512)),
                new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(forged)),
                once.getCertificates(),
                null,
                once.getSignerInfos());
        byte[] body = new ContentInfo(CMSObjectIdentifiers.signedData, transplanted).getEncoded("DER");
        ByteArrayOutputStream inner = new ByteArrayOutputStream();

        assertThatThrownBy(() -> Envelopes.outerSignature().unwrap(new ByteArrayInputStream(body), inner))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("not among the SignedData's digest algorithms");
    }

    @Test
    void signedMessageDigestOfOtherContent_isRefused_evenWithTheSignersDigestAnnounced() throws Exception {
        Identity alice = TestKeys.ec("Alice Author");
        SignedData once = signedData(signed(alice, new byte[0]));
        SignedData transplanted = new SignedData(
                once.getDigestAlgorithms(),
                new ContentInfo(
                        CMSObjectIdentifiers.data, new DEROctetString("other".getBytes(StandardCharsets.UTF_8))),
                once.getCertificates(),
                null,
                once.getSignerInfos());
        byte[] body = new ContentInfo(CMSObjectIdentifiers.signedData, transplanted).getEncoded("DER");

        assertThatThrownBy(() -> Envelopes.outerSignature()
                        .unwrap(new ByteArrayInputStream(body), OutputStream.nullOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("over other content");
    }

    /** docs/security.md B1: a cut anywhere is refused as bad input; a flipped bit is refused or changes nothing unwrapped. */
    @Test
    void truncatedOrBitFlippedUpload_isRefusedAsBadInput_orUnwrapsTheSignedBytesUnchanged() throws Exception {
        byte[] envelope = EnvelopesTest.bytes(300);
        byte[] body = signed(TestKeys.ec("Board"), envelope);
        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(body, cut);
            assertThatThrownBy(() -> Envelopes.outerSignature()
                            .unwrap(new ByteArrayInputStream(truncated), OutputStream.nullOutputStream()))
                    .as("cut at %d", cut)
                    .isInstanceOf(UnsupportedEnvelopeException.class);
        }
        for (int i = 0; i < body.length; i++) {
            byte[] flipped = body.clone();
            flipped[i] ^= 0x10;
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            try {
                Envelopes.outerSignature().unwrap(new ByteArrayInputStream(flipped), inner);
                assertThat(inner.toByteArray()).as("flip at %d", i).isEqualTo(envelope);
            } catch (UnsupportedEnvelopeException expected) {
                // refused: the caller stores nothing
            }
        }
        byte[] trailing = java.util.Arrays.copyOf(body, body.length + 1);
        assertThatThrownBy(() -> Envelopes.outerSignature()
                        .unwrap(new ByteArrayInputStream(trailing), OutputStream.nullOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    @Test
    void detachedSignature_isRefused() throws Exception {
        Identity signer = TestKeys.ec("Board");
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(signerInfo(signer));
        gen.addCertificate(new X509CertificateHolder(signer.certificate().getEncoded()));
        byte[] detached =
                gen.generate(new CMSProcessableByteArray(new byte[10]), false).getEncoded("DER");

        assertThatThrownBy(() -> Envelopes.outerSignature()
                        .unwrap(new ByteArrayInputStream(detached), OutputStream.nullOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("detached");
    }

    @Test
    void anyRevocationListSet_isRefused() throws Exception {
        SignedData sd = signedData(signed(TestKeys.ec("Board"), "envelope".getBytes(StandardCharsets.UTF_8)));
        SignedData withCrls = new SignedData(
                sd.getDigestAlgorithms(),
                sd.getEncapContentInfo(),
                sd.getCertificates(),
                new DERSet(new DEROctetString(new byte[16])),
                sd.getSignerInfos());
        byte[] body = new ContentInfo(CMSObjectIdentifiers.signedData, withCrls).getEncoded("DER");

        assertThatThrownBy(() -> Envelopes.outerSignature()
                        .unwrap(new ByteArrayInputStream(body), OutputStream.nullOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("revocation lists");
    }

    /** The reviewer's case: an indefinite-length crls set of 1 MiB OCTET STRINGs, 1 GiB in all, after a valid signature's content. */
    @Test
    void gigabyteRevocationListSet_isRefusedBeforeItIsRead() throws Exception {
        Hostile body = Hostile.after(
                signedData(signed(TestKeys.ec("Board"), "envelope".getBytes(StandardCharsets.UTF_8))),
                certificatesOf(TestKeys.ec("Board")),
                new byte[] {(byte) 0xA1, (byte) 0x80},
                Filler.octetStrings(1024),
                new byte[] {0, 0},
                true);

        Throwable refused =
                catchThrowable(() -> Envelopes.outerSignature().unwrap(body.stream(), OutputStream.nullOutputStream()));

        assertThat(body.fillerRead()).as("bytes of the hostile part read").isLessThan(READ_AHEAD);
        assertThat(refused).isInstanceOf(UnsupportedEnvelopeException.class).hasMessageContaining("revocation lists");
    }

    @Test
    void moreCertificatesThanAllowed_areRefusedWithoutReadingThemAll() throws Exception {
        Identity signer = TestKeys.ec("Board");
        byte[] cert = signer.certificate().getEncoded();
        Hostile body = Hostile.after(
                signedData(signed(signer, "envelope".getBytes(StandardCharsets.UTF_8))),
                new byte[0],
                new byte[] {(byte) 0xA0, (byte) 0x80},
                Filler.repeated(cert, 20_000),
                new byte[] {0, 0},
                true);

        Throwable refused =
                catchThrowable(() -> Envelopes.outerSignature().unwrap(body.stream(), OutputStream.nullOutputStream()));

        assertThat(body.fillerRead())
                .as("bytes of the hostile part read")
                .isLessThan(READ_AHEAD + (long) StreamedSignedData.MAX_CERTIFICATES * cert.length);
        assertThat(refused)
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining(StreamedSignedData.MAX_CERTIFICATES + " certificates");
    }

    @Test
    void certificateDeclaredLargerThanTheCap_isRefusedBeforeItIsRead() throws Exception {
        byte[] header = {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x84, 0x04, 0x00, 0x00, 0x00
        }; // one "certificate" of 64 MiB
        Hostile body = Hostile.after(
                signedData(signed(TestKeys.ec("Board"), "envelope".getBytes(StandardCharsets.UTF_8))),
                new byte[0],
                header,
                Filler.octetStrings(64 - 1),
                new byte[] {0, 0},
                true);

        Throwable refused =
                catchThrowable(() -> Envelopes.outerSignature().unwrap(body.stream(), OutputStream.nullOutputStream()));

        assertThat(body.fillerRead()).as("bytes of the hostile part read").isLessThan(READ_AHEAD);
        assertThat(refused)
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("bytes of certificates");
    }

    @Test
    void signerInfoLargerThanTheCap_isRefusedBeforeItIsRead() throws Exception {
        Identity signer = TestKeys.ec("Board");
        byte[] header = {0x31, (byte) 0x80, 0x30, (byte) 0x84, 0x04, 0x00, 0x00, 0x00}; // one SignerInfo of 64 MiB
        Hostile body = Hostile.after(
                signedData(signed(signer, "envelope".getBytes(StandardCharsets.UTF_8))),
                certificatesOf(signer),
                header,
                Filler.octetStrings(64 - 1),
                new byte[] {0, 0},
                false);

        Throwable refused =
                catchThrowable(() -> Envelopes.outerSignature().unwrap(body.stream(), OutputStream.nullOutputStream()));

        assertThat(body.fillerRead()).as("bytes of the hostile part read").isLessThan(READ_AHEAD);
        assertThat(refused).isInstanceOf(UnsupportedEnvelopeException.class).hasMessageContaining("bytes");
    }

    @Test
    void aSecondSignerInfo_isRefused() throws Exception {
        SignedData sd = signedData(signed(TestKeys.ec("Board"), "envelope".getBytes(StandardCharsets.UTF_8)));
        ASN1Set one = sd.getSignerInfos();
        SignedData two = new SignedData(
                sd.getDigestAlgorithms(),
                sd.getEncapContentInfo(),
                sd.getCertificates(),
                null,
                new org.bouncycastle.asn1.DLSet(
                        new org.bouncycastle.asn1.ASN1Encodable[] {one.getObjectAt(0), one.getObjectAt(0)}));
        byte[] body = new ContentInfo(CMSObjectIdentifiers.signedData, two).getEncoded("DER");

        assertThatThrownBy(() -> Envelopes.outerSignature()
                        .unwrap(new ByteArrayInputStream(body), OutputStream.nullOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("signer");
    }

    /** docs/security.md F3: a full disk while the envelope is written out is the server's failure, not a bad signature. */
    @Test
    void failureToWriteTheEnvelopeOut_isAnIoFailure_notABadSignature() throws Exception {
        byte[] body = signed(TestKeys.ec("Board"), EnvelopesTest.bytes(1000));
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };

        assertThatThrownBy(() -> Envelopes.outerSignature().unwrap(new ByteArrayInputStream(body), full))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("No space left on device");
    }

    // --- fixtures

    static byte[] signed(Identity signer, byte[] content) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(signerInfo(signer));
        gen.addCertificate(new X509CertificateHolder(signer.certificate().getEncoded()));
        return gen.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
    }

    private static SignerInfoGenerator signerInfo(Identity signer) throws Exception {
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(JdkSignatures.signer(signer.privateKey()), signer.certificate());
    }

    private static SignedData signedData(byte[] der) {
        return SignedData.getInstance(ContentInfo.getInstance(der).getContent());
    }

    private static byte[] certificatesOf(Identity signer) throws Exception {
        return new DERTaggedObject(
                        false,
                        0,
                        new DERSet(org.bouncycastle.asn1.x509.Certificate.getInstance(
                                signer.certificate().getEncoded())))
                .getEncoded();
    }

    /**
     * A valid signature's head (through its content), then {@code before}, a metered filler, {@code after}, and
     * the signer infos (unless the filler replaces them) and the closing end-of-contents. The filler stops with
     * an error after 16 MiB, so that code reading it all fails the test rather than the heap.
     */
    record Hostile(InputStream stream, Filler filler) {

        static Hostile after(
                SignedData sd, byte[] certificates, byte[] before, Filler filler, byte[] after, boolean signerInfos)
                throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(new byte[] {0x30, (byte) 0x80});
            head.write(CMSObjectIdentifiers.signedData.getEncoded());
            head.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x80});
            head.write(sd.getVersion().getEncoded());
            head.write(sd.getDigestAlgorithms().getEncoded());
            head.write(sd.getEncapContentInfo().getEncoded());
            head.write(certificates);
            head.write(before);
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            tail.write(after);
            if (signerInfos) {
                tail.write(sd.getSignerInfos().getEncoded());
            }
            tail.write(new byte[] {0, 0, 0, 0, 0, 0});
            InputStream all = new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(head.toByteArray()),
                    filler,
                    new ByteArrayInputStream(tail.toByteArray()))));
            return new Hostile(all, filler);
        }

        long fillerRead() {
            return filler.read;
        }
    }

    /** Generated bytes, never held in memory, counting how many were read. */
    static final class Filler extends InputStream {
        private static final long STOP = 16L << 20;
        private final byte[] unit;
        private final long total;
        long read;

        private Filler(byte[] unit, long count) {
            this.unit = unit;
            this.total = unit.length * count;
        }

        /** {@code count} OCTET STRINGs of 1 MiB each. */
        static Filler octetStrings(int count) {
            byte[] unit = new byte[5 + (1 << 20)];
            System.arraycopy(new byte[] {0x04, (byte) 0x83, 0x10, 0x00, 0x00}, 0, unit, 0, 5);
            return new Filler(unit, count);
        }

        static Filler repeated(byte[] unit, int count) {
            return new Filler(unit, count);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= total) {
                return -1;
            }
            if (read >= STOP) {
                throw new IOException(
                        "read " + read + " bytes of the filler: the parser is not bounding what it reads");
            }
            int n = (int) Math.min(len, Math.min(total - read, unit.length - read % unit.length));
            System.arraycopy(unit, (int) (read % unit.length), b, off, n);
            read += n;
            return n;
        }
    }

    private int run(String... command) {
        return OpensslInteropTest.run(List.of(command), dir.resolve("openssl.log"));
    }

    private Path pem(Identity id) throws Exception {
        return Files.writeString(
                dir.resolve("signer-" + id.certificate().getSerialNumber() + ".pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(id.certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
    }

    private Path key(Identity id) throws Exception {
        return Files.writeString(
                dir.resolve("signer-" + id.certificate().getSerialNumber() + ".key"),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(id.privateKey().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }
}
