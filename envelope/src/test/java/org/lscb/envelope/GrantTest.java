package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A reviewer appointed later gets access by a re-wrapped content key; the content bytes never change. */
class GrantTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EnvelopeProfile.class)
    void boardGrantsALateReviewer_whoCanThenOpen_andTheContentIsUntouched(EnvelopeProfile profile) throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity board = TestKeys.ec("Board");
        Identity late = TestKeys.rsa("Late Reviewer");
        Identity lateEc = TestKeys.ecP384("Late EC Reviewer");
        byte[] plain = EnvelopesTest.bytes(120_000);
        byte[] envelope = EnvelopesTest.seal(Envelopes.sealer(profile, author, List.of(board.certificate())), plain);
        assertThatThrownBy(() -> Envelopes.opener(late).open(new ByteArrayInputStream(envelope), dir.resolve("before")))
                .isInstanceOf(EnvelopeOpeningException.class);

        byte[] grant = Envelopes.granter(board)
                .grant(new ByteArrayInputStream(envelope), List.of(late.certificate(), lateEc.certificate()));
        List<RecipientInfo> granted = Envelopes.splice().parseGranted(grant);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        Envelopes.splice().addRecipients(new ByteArrayInputStream(envelope), granted, spliced);
        byte[] after = spliced.toByteArray();

        Envelopes.opener(late).open(new ByteArrayInputStream(after), dir.resolve("late"));
        Envelopes.opener(lateEc).open(new ByteArrayInputStream(after), dir.resolve("lateEc"));
        Envelopes.opener(board).open(new ByteArrayInputStream(after), dir.resolve("board"));
        assertThat(Files.readAllBytes(dir.resolve("late"))).isEqualTo(plain);
        assertThat(Files.readAllBytes(dir.resolve("lateEc"))).isEqualTo(plain);
        assertThat(Files.readAllBytes(dir.resolve("board"))).isEqualTo(plain);
        assertThat(Envelopes.inspector()
                        .inspect(new ByteArrayInputStream(after))
                        .recipients())
                .hasSize(3);
        // the ciphertext of the content is carried over byte for byte: its last 4 KiB appear unchanged
        byte[] tail = Arrays.copyOfRange(envelope, envelope.length - 4096, envelope.length - 64);
        assertThat(indexOf(after, tail)).isNotNegative();
    }

    @Test
    void envelopedDataGainingAKeyAgreementRecipient_becomesVersion2() throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity reviewer = TestKeys.rsa("Reviewer");
        byte[] envelope = EnvelopesTest.seal(
                Envelopes.sealer(EnvelopeProfile.ENVELOPED_AES256_CBC, author, List.of(reviewer.certificate())),
                EnvelopesTest.bytes(100));
        byte[] spliced = splice(
                envelope,
                Envelopes.granter(reviewer)
                        .grant(
                                new ByteArrayInputStream(envelope),
                                List.of(TestKeys.ec("Board").certificate())));

        assertThat(version(envelope)).isZero();
        assertThat(version(spliced)).isEqualTo(2);
    }

    private static int version(byte[] envelope) throws Exception {
        var ci = org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(envelope));
        return org.bouncycastle.asn1.cms.EnvelopedData.getInstance(ci.getContent())
                .getVersion()
                .intValueExact();
    }

    private static byte[] splice(byte[] envelope, byte[] grant) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelopes.splice()
                .addRecipients(
                        new ByteArrayInputStream(envelope), Envelopes.splice().parseGranted(grant), out);
        return out.toByteArray();
    }

    @Test
    void someoneWhoCannotOpenTheEnvelope_cannotGrant() throws Exception {
        byte[] envelope = EnvelopesTest.seal(
                Envelopes.sealer(
                        TestKeys.rsa("Agency Author"),
                        List.of(TestKeys.ec("Board").certificate())),
                EnvelopesTest.bytes(100));

        assertThatThrownBy(() -> Envelopes.granter(TestKeys.rsa("Stranger"))
                        .grant(
                                new ByteArrayInputStream(envelope),
                                List.of(TestKeys.rsa("Late Reviewer").certificate())))
                .isInstanceOf(EnvelopeOpeningException.class);
    }

    @Test
    void aGrantThatIsNotRecipientInfos_isRefused() {
        assertThatThrownBy(() -> Envelopes.splice().parseGranted(new byte[] {0x31, 0x03, 0x02, 0x01, 0x00}))
                .isInstanceOf(UnsupportedEnvelopeException.class);
        assertThatThrownBy(() -> Envelopes.splice().parseGranted("junk".getBytes()))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
