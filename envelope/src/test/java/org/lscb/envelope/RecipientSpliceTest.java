package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server splices a board's grant into a stored envelope without seeing what the granted entries wrap
 * (docs/security.md B4): a grant may only add recipients, and every entry already there stays first and byte for
 * byte, so one bad grant cannot take anyone's access away.
 */
class RecipientSpliceTest {

    @TempDir
    Path dir;

    /** The reviewer's p6: the board grants "to Bob" an entry made from another envelope's key. */
    @Test
    void grantForARecipientAlreadyPresent_isRefused() throws Exception {
        Identity alice = TestKeys.rsa("Agency Author");
        Identity bob = TestKeys.rsa("Reviewer");
        Identity board = TestKeys.ec("Board");
        byte[] plain = EnvelopesTest.bytes(2000);
        byte[] envelope =
                EnvelopesTest.seal(Envelopes.sealer(alice, List.of(bob.certificate(), board.certificate())), plain);
        byte[] other =
                EnvelopesTest.seal(Envelopes.sealer(alice, List.of(board.certificate())), EnvelopesTest.bytes(10));
        byte[] wrongKeyForBob =
                Envelopes.granter(board).grant(new ByteArrayInputStream(other), List.of(bob.certificate()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(
                                new ByteArrayInputStream(envelope),
                                Envelopes.splice().parseGranted(wrongKeyForBob),
                                out))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("already addressed");
    }

    @Test
    void grantNamingTheSameNewRecipientTwice_isRefused() throws Exception {
        Identity board = TestKeys.ec("Board");
        Identity late = TestKeys.rsa("Late Reviewer");
        byte[] envelope = EnvelopesTest.seal(
                Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(board.certificate())),
                EnvelopesTest.bytes(100));
        byte[] twice = Envelopes.granter(board)
                .grant(new ByteArrayInputStream(envelope), List.of(late.certificate(), late.certificate()));

        assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(
                                new ByteArrayInputStream(envelope),
                                Envelopes.splice().parseGranted(twice),
                                new ByteArrayOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("twice");
    }

    /**
     * Bouncy Castle finds a recipient's entry by issuer and serial number before one by key identifier, so a
     * granted entry naming Bob by issuer and serial would be used instead of his own entry by key identifier.
     */
    @Test
    void grantByIssuerAndSerial_toAnEnvelopeNamingSomeoneByKeyIdentifier_isRefused() throws Exception {
        Identity bob = TestKeys.rsa("Reviewer");
        Identity board = TestKeys.ec("Board");
        byte[] envelope = envelopeToBobByKeyIdentifierAndBoard(bob, board);
        byte[] other = EnvelopesTest.seal(
                Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(board.certificate())), EnvelopesTest.bytes(10));
        byte[] wrongKeyForBob =
                Envelopes.granter(board).grant(new ByteArrayInputStream(other), List.of(bob.certificate()));

        assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(
                                new ByteArrayInputStream(envelope),
                                Envelopes.splice().parseGranted(wrongKeyForBob),
                                new ByteArrayOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("key identifier");
    }

    @Test
    void grantForANewRecipient_keepsEveryExistingEntryFirstAndByteForByte() throws Exception {
        Identity board = TestKeys.ec("Board");
        Identity reviewer = TestKeys.rsa("Reviewer");
        Identity late = TestKeys.rsa("Late Reviewer");
        byte[] plain = EnvelopesTest.bytes(3000);
        byte[] sealed = EnvelopesTest.seal(
                Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(reviewer.certificate(), board.certificate())),
                plain);
        // as another CMS writer may: the first entry with a longer length encoding than DER's (valid BER)
        byte[] envelope = withFirstRecipientLengthWidened(sealed);
        byte[] grant = Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(late.certificate()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Envelopes.splice()
                .addRecipients(
                        new ByteArrayInputStream(envelope), Envelopes.splice().parseGranted(grant), out);

        List<byte[]> before = recipientEntries(envelope);
        List<byte[]> after = recipientEntries(out.toByteArray());
        assertThat(after).hasSize(3);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("entry %d", i).isEqualTo(before.get(i));
        }
        for (Identity who : List.of(reviewer, board, late)) {
            Path opened = dir.resolve("opened-" + who.certificate().getSerialNumber());
            Envelopes.opener(who).open(new ByteArrayInputStream(out.toByteArray()), opened);
            assertThat(Files.readAllBytes(opened)).isEqualTo(plain);
        }
    }

    /** The splice checks the framing of all it copies: nothing malformed is passed on, and nothing is silently dropped. */
    @Test
    void malformedFramingAroundOrAfterTheRecipients_isRefused() throws Exception {
        Identity board = TestKeys.ec("Board");
        byte[] sealed = EnvelopesTest.seal(
                Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(board.certificate())),
                EnvelopesTest.bytes(100));
        List<RecipientInfo> granted = Envelopes.splice()
                .parseGranted(Envelopes.granter(board)
                        .grant(
                                new ByteArrayInputStream(sealed),
                                List.of(TestKeys.rsa("Late Reviewer").certificate())));
        // the Sealer closes the data, [0] and the ContentInfo with end-of-contents octets
        assertThat(Arrays.copyOfRange(sealed, sealed.length - 6, sealed.length)).isEqualTo(new byte[6]);
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("an unexpected element at the end of the ContentInfo's content", insertedBefore(sealed, 4, "0500"));
        hostile.put("an unexpected element at the end of the ContentInfo", insertedBefore(sealed, 2, "0500"));
        hostile.put("an indefinite length on a primitive element", insertedBefore(sealed, 6, "04800000"));
        hostile.put("a malformed end-of-contents", insertedBefore(sealed, 6, "000100"));
        hostile.put("a tag number too long", insertedBefore(sealed, 6, "1f818181818181" + "0100"));
        hostile.put("an end-of-contents inside a definite length", insertedBefore(sealed, 6, "30040000" + "0500"));
        hostile.put(
                "nesting deeper than " + BerFraming.MAX_DEPTH,
                insertedBefore(sealed, 6, definiteNesting(BerFraming.MAX_DEPTH + 2)));

        hostile.forEach((refusal, envelope) -> assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(new ByteArrayInputStream(envelope), granted, new ByteArrayOutputStream()))
                .as(refusal)
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining(refusal));
    }

    @Test
    void anEntryInTheEnvelopesOwnRecipientSetThatIsNoRecipientInfo_isRefusedAsAMalformedEnvelope() throws Exception {
        Identity board = TestKeys.ec("Board");
        List<RecipientInfo> granted = Envelopes.splice()
                .parseGranted(Envelopes.granter(board)
                        .grant(
                                new ByteArrayInputStream(EnvelopesTest.seal(
                                        Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(board.certificate())),
                                        EnvelopesTest.bytes(100))),
                                List.of(TestKeys.rsa("Late Reviewer").certificate())));
        // ContentInfo, content type, [0], AuthEnvelopedData, version, then a recipient set of one entry each
        String head = "3080" + "060b2a864886f70d0109100117" + "a080" + "3080" + "020100";
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("an INTEGER", "3103020105");
        sets.put("an empty SEQUENCE", "31023000");
        sets.put("a key agreement entry without its fields", "3104a1023000");
        sets.put("a key transport entry with a NULL for its identifier", "310b3009020100050030000400");

        sets.forEach((what, set) -> assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(
                                new ByteArrayInputStream(
                                        HexFormat.of().parseHex(head + set + "0000" + "0000" + "0000")),
                                granted,
                                new ByteArrayOutputStream()))
                .as(what)
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("not a RecipientInfo"));
    }

    @Test
    void anElementBeforeTheContentOverItsCap_isRefusedBeforeItIsRead() {
        // ContentInfo, content type, [0], AuthEnvelopedData, version, then an originatorInfo declaring 2 GiB of which 2
        // bytes follow
        byte[] envelope = HexFormat.of()
                .parseHex("3080" + "060b2a864886f70d0109100117" + "a080" + "3080" + "020100" + "a0847fffffff" + "0400");

        assertThatThrownBy(() -> Envelopes.splice()
                        .addRecipients(new ByteArrayInputStream(envelope), List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("an element of more than " + 8 * 1024 * 1024 + " bytes");
    }

    // --- fixtures

    /** {@code envelope} with the bytes {@code hex} inserted {@code fromEnd} bytes before its end. */
    private static byte[] insertedBefore(byte[] envelope, int fromEnd, String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(envelope, 0, envelope.length - fromEnd);
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.write(envelope, envelope.length - fromEnd, fromEnd);
        return out.toByteArray();
    }

    /** A NULL inside {@code depth} SEQUENCEs, each with a definite length. */
    private static String definiteNesting(int depth) {
        String element = "0500";
        for (int i = 0; i < depth; i++) {
            int length = element.length() / 2;
            element =
                    "30" + (length < 0x80 ? String.format("%02x", length) : String.format("82%04x", length)) + element;
        }
        return element;
    }

    /** AuthEnvelopedData to Bob, named by his subject key identifier, and to the board by issuer and serial number. */
    private static byte[] envelopeToBobByKeyIdentifierAndBoard(Identity bob, Identity board) throws Exception {
        CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
        byte[] ski = new JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(bob.certificate().getPublicKey())
                .getKeyIdentifier();
        g.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(
                ski,
                new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(
                                PKCSObjectIdentifiers.id_RSAES_OAEP,
                                new OAEPParameterSpec(
                                        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)),
                bob.certificate().getPublicKey()));
        g.addRecipientInfoGenerator(Sealer.recipientInfo(board.certificate()));
        OutputAEADEncryptor gcm =
                (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build();
        return g.generate(new CMSProcessableByteArray(new byte[16]), gcm).getEncoded();
    }

    /** The raw bytes of each RecipientInfo, as the envelope encodes them. */
    private static List<byte[]> recipientEntries(byte[] envelope) throws Exception {
        int at = recipientSetOffset(envelope);
        int[] set = header(envelope, at);
        List<byte[]> entries = new ArrayList<>();
        for (int i = at + set[0]; i < at + set[0] + set[1]; ) {
            int[] h = header(envelope, i);
            entries.add(Arrays.copyOfRange(envelope, i, i + h[0] + h[1]));
            i += h[0] + h[1];
        }
        return entries;
    }

    /** Re-encodes the first RecipientInfo's length with one byte more than it needs, and the set's length to match. */
    private static byte[] withFirstRecipientLengthWidened(byte[] envelope) throws Exception {
        int at = recipientSetOffset(envelope);
        int[] set = header(envelope, at);
        int first = at + set[0];
        int[] entry = header(envelope, first);
        assertThat(set[0]).as("a set with a two-byte length").isEqualTo(4);
        assertThat(entry[0]).as("an entry with a two-byte length").isEqualTo(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(envelope, 0, at);
        out.write(new byte[] {0x31, (byte) 0x82, (byte) ((set[1] + 1) >> 8), (byte) (set[1] + 1)});
        out.write(new byte[] {0x30, (byte) 0x83, 0x00, (byte) (entry[1] >> 8), (byte) entry[1]});
        out.write(envelope, first + entry[0], envelope.length - first - entry[0]);
        return out.toByteArray();
    }

    /** Where the recipient set starts: after the ContentInfo's header, its content type, [0], the data's header and version. */
    private static int recipientSetOffset(byte[] envelope) {
        int at = header(envelope, 0)[0];
        at += Arrays.stream(header(envelope, at)).sum();
        at += header(envelope, at)[0];
        at += header(envelope, at)[0];
        at += Arrays.stream(header(envelope, at)).sum();
        assertThat(envelope[at]).as("the recipient set").isEqualTo((byte) 0x31);
        return at;
    }

    /** {header length, content length} of the element at {@code at} (content length 0 when indefinite). */
    private static int[] header(byte[] b, int at) {
        int first = b[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {2, first};
        }
        int count = first & 0x7f;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (b[at + 2 + i] & 0xff);
        }
        return new int[] {2 + count, length};
    }
}
