package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips per profile and recipient kind, then the ways opening must fail and leave nothing behind. */
class EnvelopesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EnvelopeProfile.class)
    void sealThenOpen_returnsTheSameBytesAndNamesTheSigner(EnvelopeProfile profile) throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity reviewer = TestKeys.rsa("Reviewer");
        Identity board = TestKeys.ec("Board");
        byte[] plain = bytes(300_000);

        byte[] envelope =
                seal(Envelopes.sealer(profile, author, List.of(reviewer.certificate(), board.certificate())), plain);
        OpenedEnvelope byReviewer = Envelopes.opener(reviewer, TestKeys.ca().certificate())
                .open(new ByteArrayInputStream(envelope), dir.resolve("r"));
        OpenedEnvelope byBoard = Envelopes.opener(board).open(new ByteArrayInputStream(envelope), dir.resolve("b"));

        assertThat(Files.readAllBytes(dir.resolve("r"))).isEqualTo(plain);
        assertThat(Files.readAllBytes(dir.resolve("b"))).isEqualTo(plain);
        assertThat(byReviewer.signedBy()).isEqualTo("CN=Agency Author");
        assertThat(byReviewer.profile()).isEqualTo(profile);
        assertThat(byBoard.size()).isEqualTo(plain.length);
    }

    @Test
    void ecAuthorAndP384Recipient_roundTrip() throws Exception {
        Identity author = TestKeys.ec("EC Author");
        Identity recipient = TestKeys.ecP384("P384 Reviewer");
        byte[] plain = bytes(10_000);

        byte[] envelope = seal(Envelopes.sealer(author, List.of(recipient.certificate())), plain);
        OpenedEnvelope opened =
                Envelopes.opener(recipient).open(new ByteArrayInputStream(envelope), dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(plain);
        assertThat(opened.signedBy()).isEqualTo("CN=EC Author");
    }

    @Test
    void aSealThatFails_leavesNoHashingThreadBehind() throws Exception {
        Identity author = TestKeys.ec("EC Author");
        java.io.InputStream broken = new java.io.InputStream() {
            private int left = 3_000_000;

            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, left);
                left -= n;
                return n;
            }
        };
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> Envelopes.sealer(author, List.of(author.certificate()))
                            .seal(broken, new ByteArrayOutputStream()))
                    .hasMessageContaining("connection reset");
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (hashingThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(hashingThreads()).isZero();
    }

    @Test
    void preparingToSeal_finishesOnItsOwn_andTheRealSealBesideItRoundTrips() throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity reviewer = TestKeys.ec("Reviewer");
        byte[] plain = bytes(100_000);

        Envelopes.prepareToSeal(author);
        byte[] envelope = seal(Envelopes.sealer(author, List.of(reviewer.certificate())), plain);
        OpenedEnvelope opened = Envelopes.opener(reviewer).open(new ByteArrayInputStream(envelope), dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(plain);
        assertThat(opened.signedBy()).isEqualTo("CN=Agency Author");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (threadsNamed("lscb-seal-warmup") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(threadsNamed("lscb-seal-warmup")).isZero();
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }

    private static long hashingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("lscb-write-behind") && t.isAlive())
                .count();
    }

    @Test
    void emptyDocument_roundTrips() throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        byte[] envelope = seal(Envelopes.sealer(author, List.of(author.certificate())), new byte[0]);

        Envelopes.opener(author).open(new ByteArrayInputStream(envelope), dir.resolve("out"));

        assertThat(Files.size(dir.resolve("out"))).isZero();
    }

    @Test
    void inspect_listsRecipientsWithoutAnyKey() throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity reviewer = TestKeys.rsa("Reviewer");
        Identity board = TestKeys.ec("Board");
        byte[] envelope =
                seal(Envelopes.sealer(author, List.of(reviewer.certificate(), board.certificate())), bytes(100));

        EnvelopeInfo info = Envelopes.inspector().inspect(new ByteArrayInputStream(envelope));

        assertThat(info.profile()).isEqualTo(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM);
        assertThat(info.recipients()).hasSize(2);
        assertThat(info.addressedToAll(List.of(reviewer.certificate(), board.certificate())))
                .isTrue();
        assertThat(info.strangers(List.of(reviewer.certificate()))).hasSize(1);
        assertThat(info.addressedToAll(List.of(author.certificate()))).isFalse();
    }

    @Test
    void openingWithAKeyItIsNotAddressedTo_failsAndLeavesNothing() throws Exception {
        byte[] envelope = seal(
                Envelopes.sealer(
                        TestKeys.rsa("Agency Author"),
                        List.of(TestKeys.rsa("Reviewer").certificate())),
                bytes(1000));

        assertThatThrownBy(() -> Envelopes.opener(TestKeys.rsa("Stranger"))
                        .open(new ByteArrayInputStream(envelope), dir.resolve("out")))
                .isInstanceOf(EnvelopeOpeningException.class)
                .hasMessage("cannot open envelope");
        assertThat(leftovers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EnvelopeProfile.class)
    void aFlippedByteAnywhere_failsToOpenAndLeavesNothing(EnvelopeProfile profile) throws Exception {
        Identity reviewer = TestKeys.rsa("Reviewer");
        byte[] envelope = seal(
                Envelopes.sealer(profile, TestKeys.rsa("Agency Author"), List.of(reviewer.certificate())),
                bytes(50_000));
        // the header, the middle of the content and the last bytes (the tag for GCM)
        List<Integer> openedDespiteFlip = new java.util.ArrayList<>();
        for (int at : new int[] {40, envelope.length / 2, envelope.length - 3}) {
            byte[] tampered = envelope.clone();
            tampered[at] ^= 0x01;
            try {
                Envelopes.opener(reviewer).open(new ByteArrayInputStream(tampered), dir.resolve("out"));
                openedDespiteFlip.add(at);
                Files.delete(dir.resolve("out"));
            } catch (EnvelopeOpeningException expected) {
                assertThat(leftovers()).isEmpty();
            }
        }

        assertThat(openedDespiteFlip)
                .as("offsets of %d that opened after a flip", envelope.length)
                .isEmpty();
    }

    @Test
    void truncatedAtAnyLength_failsToOpenAndLeavesNothing() throws Exception {
        Identity reviewer = TestKeys.rsa("Reviewer");
        byte[] envelope =
                seal(Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(reviewer.certificate())), bytes(20_000));
        for (int len :
                new int[] {0, 1, 2, 10, 100, 600, envelope.length / 2, envelope.length - 20, envelope.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(envelope, len);

            assertThatThrownBy(() -> Envelopes.opener(reviewer).open(new ByteArrayInputStream(cut), dir.resolve("out")))
                    .as("cut to %d", len)
                    .isInstanceOf(EnvelopeOpeningException.class);
            assertThat(leftovers()).isEmpty();
        }
    }

    @Test
    void signerFromAnotherIssuer_isRefusedWhenAnIssuerIsRequired() throws Exception {
        Identity reviewer = TestKeys.rsa("Reviewer");
        var kp = TestKeys.generate("EC", 256);
        Identity selfSigned = Identity.of(
                kp.getPrivate(), TestKeys.certificate("CN=Impostor", kp, "CN=Impostor", kp.getPrivate(), false));
        byte[] envelope = seal(Envelopes.sealer(selfSigned, List.of(reviewer.certificate())), bytes(100));

        assertThatThrownBy(() -> Envelopes.opener(reviewer, TestKeys.ca().certificate())
                        .open(new ByteArrayInputStream(envelope), dir.resolve("out")))
                .isInstanceOf(EnvelopeOpeningException.class);
        assertThat(Envelopes.opener(reviewer)
                        .open(new ByteArrayInputStream(envelope), dir.resolve("out"))
                        .signedBy())
                .isEqualTo("CN=Impostor");
    }

    @Test
    void weakRecipientKeys_areRefusedWhenSealing() {
        var kp = TestKeys.generate("RSA", 2048);
        var weak =
                TestKeys.certificate("CN=Weak", kp, "CN=Test CA", TestKeys.ca().privateKey(), false);

        assertThatThrownBy(() -> Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of(weak)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3072");
        assertThatThrownBy(() -> Envelopes.sealer(TestKeys.rsa("Agency Author"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rsaKeysWithASmallExponent_andLookAlikeCurves_areRefused() throws Exception {
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(new java.security.spec.RSAKeyGenParameterSpec(3072, java.math.BigInteger.valueOf(3)));
        java.security.KeyPairGenerator brainpool =
                java.security.KeyPairGenerator.getInstance("EC", org.lscb.envelope.internal.Bc.provider());
        brainpool.initialize(new java.security.spec.ECGenParameterSpec("brainpoolP256r1"));

        assertThatThrownBy(() -> Keys.check(rsa.generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65537");
        assertThatThrownBy(() -> Keys.check(brainpool.generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
        Keys.check(TestKeys.ecP384("ok").certificate().getPublicKey());
    }

    @Test
    void identity_neverPrintsItsKey() {
        Identity id = TestKeys.rsa("Reviewer");

        assertThat(id.toString()).isEqualTo("Identity[CN=Reviewer]");
    }

    private List<Path> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".opening-")
                            || p.getFileName().toString().equals("out"))
                    .toList();
        }
    }

    static byte[] seal(Sealer sealer, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sealer.seal(new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
