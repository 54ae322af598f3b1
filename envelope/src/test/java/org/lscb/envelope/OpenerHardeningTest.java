package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.envelope.HostileEnvelopes.authEnveloped;
import static org.lscb.envelope.HostileEnvelopes.cbcEnveloped;
import static org.lscb.envelope.HostileEnvelopes.hugeOctetString;
import static org.lscb.envelope.HostileEnvelopes.innerSignedData;
import static org.lscb.envelope.HostileEnvelopes.repeated;
import static org.lscb.envelope.HostileEnvelopes.seal;
import static org.lscb.envelope.HostileEnvelopes.withBeforeMac;
import static org.lscb.envelope.HostileEnvelopes.withMacField;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Envelopes built by an attacker who holds a recipient's key, or none: each is refused with "cannot open
 * envelope", leaves no file, and a field that would fill the heap is refused after a bounded read.
 */
class OpenerHardeningTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    /** Far less than the hostile fields below, far more than the limits allow outside content (1 MiB each). */
    private static final int HUGE_MIB = 64;

    @TempDir
    Path dir;

    // keys the other tests use too: RSA key generation is slow
    private final Identity alice = TestKeys.rsa("Agency Author");
    private final Identity bob = TestKeys.rsa("Reviewer");

    @Test
    void aSignatureOverAnEmptyDocument_movedOntoOtherContent_isRefused() throws Exception {
        Identity mallory = TestKeys.rsa("Late Reviewer");
        // Alice once sent Mallory an empty document; Mallory keeps her SignerInfo and certificate, puts them on his own
        // content, and lists a digest other than the signer's, so that nothing hashes the content with SHA-256
        SignedData fromAlice = signedData(innerSignedData(seal(alice, mallory, new byte[0]), mallory));
        byte[] forged = signedData(
                new DERSet(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512)),
                "Alice never wrote this".getBytes(StandardCharsets.UTF_8),
                fromAlice.getCertificates(),
                fromAlice.getSignerInfos());
        byte[] toBob = authEnveloped(bob, forged, HostileEnvelopes.Gcm.aes256());

        assertRefused(new ByteArrayInputStream(toBob), "not among the SignedData's digestAlgorithms");
    }

    @Test
    void aSignedDataListingMoreDigestsThanItsSignerUses_stillOpens() throws Exception {
        SignedData original = signedData(innerSignedData(seal(alice, bob, HELLO), bob));
        ASN1EncodableVector digests = new ASN1EncodableVector();
        digests.add(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512));
        digests.add(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        byte[] relisted = signedData(new DERSet(digests), HELLO, original.getCertificates(), original.getSignerInfos());

        OpenedEnvelope opened = Envelopes.opener(bob, TestKeys.ca().certificate())
                .open(
                        new ByteArrayInputStream(authEnveloped(bob, relisted, HostileEnvelopes.Gcm.aes256())),
                        dir.resolve("out"));

        assertThat(opened.signedBy()).isEqualTo("CN=Agency Author");
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(HELLO);
    }

    /** The limits bound what lies around the content, never the content: one large read of it is not one large field. */
    @ParameterizedTest
    @EnumSource(EnvelopeProfile.class)
    void aDocumentOfManyMegabytes_opensInFull(EnvelopeProfile profile) throws Exception {
        byte[] plain = EnvelopesTest.bytes(6 << 20);
        byte[] envelope = EnvelopesTest.seal(Envelopes.sealer(profile, alice, List.of(bob.certificate())), plain);

        OpenedEnvelope opened = Envelopes.opener(bob).open(new ByteArrayInputStream(envelope), dir.resolve("big"));

        assertThat(opened.size()).isEqualTo(plain.length);
        assertThat(Files.readAllBytes(dir.resolve("big"))).isEqualTo(plain);
    }

    @Test
    void aGcmEnvelopeWithA128BitContentKey_isRefused() throws Exception {
        byte[] weak =
                authEnveloped(bob, innerSignedData(seal(alice, bob, HELLO), bob), new HostileEnvelopes.Gcm(16, 16));

        assertRefused(new ByteArrayInputStream(weak), "content key of 128 bits");
    }

    @Test
    void aCbcEnvelopeWithA128BitContentKey_isRefused_forKeyTransportAndKeyAgreement() throws Exception {
        Identity board = TestKeys.ec("Board");
        byte[] signed = innerSignedData(seal(alice, bob, HELLO), bob);

        assertRefused(bob, new ByteArrayInputStream(cbcEnveloped(bob, signed, 16)), "key size");
        assertRefused(board, new ByteArrayInputStream(cbcEnveloped(board, signed, 16)), "content key of 128 bits");
        // the same envelopes with a 256-bit key open: what is refused is the key, not the way they are built
        Envelopes.opener(bob).open(new ByteArrayInputStream(cbcEnveloped(bob, signed, 32)), dir.resolve("rsa"));
        Envelopes.opener(board).open(new ByteArrayInputStream(cbcEnveloped(board, signed, 32)), dir.resolve("ec"));
        assertThat(Files.readAllBytes(dir.resolve("ec"))).isEqualTo(HELLO);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 40})
    void aMacFieldThatIsNotExactlyThe16ByteTag_isRefused(int macBytes) throws Exception {
        byte[] split = authEnveloped(
                bob, innerSignedData(seal(alice, bob, HELLO), bob), new HostileEnvelopes.Gcm(32, macBytes));

        assertRefused(new ByteArrayInputStream(split), "the mac field holds " + macBytes + " bytes");
    }

    @Test
    void aHugeMacField_isRefusedAfterAMegabyte_notReadWhole() throws Exception {
        byte[] sealed = seal(alice, bob, HELLO);
        HostileEnvelopes.Counting in = new HostileEnvelopes.Counting(withMacField(sealed, hugeOctetString(HUGE_MIB)));

        assertRefused(in, "outside its content");
        assertThat(in.read).as("bytes read of a %d MiB mac", HUGE_MIB).isLessThan(sealed.length + (2L << 20));
    }

    @Test
    void authenticatedAttributes_areRefused() throws Exception {
        Attribute contentType = new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data));
        byte[] authAttrs = new DERTaggedObject(false, 1, new DERSet(contentType)).getEncoded(ASN1Encoding.DER);

        assertRefused(withBeforeMac(seal(alice, bob, HELLO), new ByteArrayInputStream(authAttrs)), "authAttrs");
    }

    @Test
    void hugeAuthenticatedAttributes_areRefusedAfterAMegabyte_notReadWhole() throws Exception {
        byte[] sealed = seal(alice, bob, HELLO);
        byte[] oneMiBAttribute = new Attribute(
                        CMSAttributes.contentType, new DERSet(new DEROctetString(new byte[1 << 20])))
                .getEncoded(ASN1Encoding.DER);
        InputStream authAttrs = HostileEnvelopes.concat(
                new ByteArrayInputStream(new byte[] {(byte) 0xA1, (byte) 0x80}),
                repeated(oneMiBAttribute, HUGE_MIB),
                new ByteArrayInputStream(new byte[] {0, 0}));
        HostileEnvelopes.Counting in = new HostileEnvelopes.Counting(withBeforeMac(sealed, authAttrs));

        assertRefused(in, "outside its content");
        assertThat(in.read).isLessThan(sealed.length + (2L << 20));
    }

    @Test
    void aSignedDocumentCarryingMegabytesOfCertificates_isRefused() throws Exception {
        SignedData original = signedData(innerSignedData(seal(alice, bob, HELLO), bob));
        ASN1EncodableVector certificates = new ASN1EncodableVector();
        ASN1Encodable aliceCertificate = original.getCertificates().getObjectAt(0);
        int copies = (int) (4 * (1 << 20) / aliceCertificate.toASN1Primitive().getEncoded().length);
        for (int i = 0; i < copies; i++) {
            certificates.add(aliceCertificate);
        }
        byte[] bloated =
                signedData(original.getDigestAlgorithms(), HELLO, new DLSet(certificates), original.getSignerInfos());

        assertRefused(
                new ByteArrayInputStream(authEnveloped(bob, bloated, HostileEnvelopes.Gcm.aes256())),
                "outside its content");
    }

    private void assertRefused(InputStream envelope, String because) {
        assertRefused(bob, envelope, because);
    }

    private void assertRefused(Identity recipient, InputStream envelope, String because) {
        Path target = dir.resolve("refused");
        assertThatThrownBy(() ->
                        Envelopes.opener(recipient, TestKeys.ca().certificate()).open(envelope, target))
                .isInstanceOf(EnvelopeOpeningException.class)
                .hasMessage("cannot open envelope")
                .satisfies(e -> assertThat(causes(e)).contains(because));
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(name -> name.startsWith(".opening-"));
    }

    private static String causes(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        return String.join(" <- ", messages);
    }

    private static SignedData signedData(byte[] contentInfo) {
        return SignedData.getInstance(ContentInfo.getInstance(contentInfo).getContent());
    }

    private static byte[] signedData(
            ASN1Set digestAlgorithms, byte[] content, ASN1Set certificates, ASN1Set signerInfos) throws Exception {
        SignedData sd = new SignedData(
                digestAlgorithms,
                new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(content)),
                certificates,
                null,
                signerInfos);
        return new ContentInfo(CMSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DER);
    }
}
