package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lscb.envelope.internal.Bc;

/**
 * RSA keys seal, open, grant and verify with the JDK's own providers. Bouncy Castle's provider takes a
 * fresh JVM about 0.5 s to build and validates every RSA modulus it meets with Miller-Rabin rounds in
 * not-yet-compiled code (0.1-0.2 s per key): every run of the client paid both before its first byte.
 * Only ECDH, which the JDK lacks in its CMS form, still registers it.
 */
class RsaOnJdkProvidersTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EnvelopeProfile.class)
    void rsaKeys_sealOpenAndGrant_withoutRegisteringBouncyCastle(EnvelopeProfile profile) throws Exception {
        // the test CA signs its certificates through the provider, so every key is made first
        Identity author = TestKeys.rsa("Agency Author");
        Identity board = TestKeys.rsa("Board");
        Identity late = TestKeys.rsa("Late Reviewer");
        byte[] plain = EnvelopesTest.bytes(200_000);
        Security.removeProvider(Bc.NAME);
        try {
            byte[] envelope =
                    EnvelopesTest.seal(Envelopes.sealer(profile, author, List.of(board.certificate())), plain);
            OpenedEnvelope byBoard = Envelopes.opener(board, TestKeys.ca().certificate())
                    .open(new ByteArrayInputStream(envelope), dir.resolve("board"));
            byte[] grant =
                    Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(late.certificate()));
            ByteArrayOutputStream spliced = new ByteArrayOutputStream();
            Envelopes.splice()
                    .addRecipients(
                            new ByteArrayInputStream(envelope),
                            Envelopes.splice().parseGranted(grant),
                            spliced);
            OpenedEnvelope byLate =
                    Envelopes.opener(late).open(new ByteArrayInputStream(spliced.toByteArray()), dir.resolve("late"));

            assertThat(Security.getProvider(Bc.NAME)).isNull();
            assertThat(Files.readAllBytes(dir.resolve("board"))).isEqualTo(plain);
            assertThat(Files.readAllBytes(dir.resolve("late"))).isEqualTo(plain);
            assertThat(byBoard.signedBy()).isEqualTo("CN=Agency Author");
            assertThat(byLate.signedBy()).isEqualTo("CN=Agency Author");
        } finally {
            Bc.provider();
        }
    }
}
