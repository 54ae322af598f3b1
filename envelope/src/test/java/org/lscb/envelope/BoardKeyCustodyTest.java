package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lscb.envelope.custody.KeyShare;
import org.lscb.envelope.custody.KeyShareException;
import org.lscb.envelope.custody.KeyShares;
import org.lscb.envelope.custody.SplitProof;

/**
 * The board key's M-of-N custody (docs/security.md "Board key custody"): any threshold of shares rebuild the key that
 * opens what was sealed to the board; fewer do not; shares of another split or another key, or damaged ones, are
 * found before the key is used; and a share travels sealed, opened only in memory.
 */
class BoardKeyCustodyTest {

    private static final Identity BOARD = TestKeys.rsa("Northmere board key");
    private static final Identity EC_BOARD = TestKeys.ec("Eastbrook board key");

    @Test
    void everyThreeOfFiveRebuildTheKey_thatOpensWhatWasSealedToTheBoard() throws Exception {
        List<KeyShare> shares = KeyShares.split(BOARD, 5, 3, new SecureRandom());
        byte[] document = "IMR for Child A".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Envelopes.sealer(TestKeys.rsa("police"), List.of(BOARD.certificate()))
                .seal(new ByteArrayInputStream(document), sealed);

        int sets = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                for (int c = b + 1; c < 5; c++) {
                    Identity rebuilt =
                            KeyShares.join(BOARD.certificate(), List.of(shares.get(a), shares.get(b), shares.get(c)));
                    Opener.OpenedSecret opened =
                            Envelopes.opener(rebuilt).openSecret(new ByteArrayInputStream(sealed.toByteArray()), 1024);
                    assertThat(opened.content()).isEqualTo(document);
                    sets++;
                }
            }
        }
        assertThat(sets).isEqualTo(10);
    }

    @Test
    void twoSharesOfAThreeOfFiveSplit_areRefused() {
        List<KeyShare> shares = KeyShares.split(BOARD, 5, 3, new SecureRandom());

        assertThatThrownBy(() -> KeyShares.join(BOARD.certificate(), shares.subList(0, 2)))
                .isInstanceOf(KeyShareException.class)
                .hasMessageContaining("3 are needed");
        assertThatThrownBy(() -> KeyShares.join(BOARD.certificate(), List.of(shares.get(1), shares.get(1))))
                .isInstanceOf(KeyShareException.class)
                .hasMessageContaining("1 different shares");
    }

    @Test
    void twoSharesTellNothing_theSameTwoIndicesOfTwoSplitsOfOneKeyDiffer() {
        List<KeyShare> one = KeyShares.split(BOARD, 5, 3, new SecureRandom());
        List<KeyShare> other = KeyShares.split(BOARD, 5, 3, new SecureRandom());

        assertThat(one.get(0).encoded()).isNotEqualTo(other.get(0).encoded());
        assertThat(one.get(0).split()).isNotEqualTo(other.get(0).split());
    }

    @Test
    void sharesOfTwoSplits_doNotMix() {
        List<KeyShare> one = KeyShares.split(BOARD, 5, 3, new SecureRandom());
        List<KeyShare> other = KeyShares.split(BOARD, 5, 3, new SecureRandom());

        assertThatThrownBy(() -> KeyShares.join(BOARD.certificate(), List.of(one.get(0), one.get(1), other.get(2))))
                .isInstanceOf(KeyShareException.class)
                .hasMessageContaining("different splits");
    }

    @Test
    void sharesOfAnotherKey_areRefusedForThisCertificate() {
        List<KeyShare> ec = KeyShares.split(EC_BOARD, 3, 2, new SecureRandom());

        assertThatThrownBy(() -> KeyShares.join(BOARD.certificate(), ec))
                .isInstanceOf(KeyShareException.class)
                .hasMessageContaining("another key");
        assertThat(KeyShares.join(EC_BOARD.certificate(), ec.subList(1, 3)).certificate())
                .isEqualTo(EC_BOARD.certificate());
    }

    @Test
    void aDamagedShare_amongEnoughGoodOnes_isPassedOver_andAloneWithTooFewIsFound() {
        List<KeyShare> shares = KeyShares.split(BOARD, 5, 3, new SecureRandom());
        byte[] der = shares.get(0).encoded();
        der[der.length - 5] ^= 0x5a; // inside the value
        KeyShare damaged = KeyShare.decode(der);

        List<KeyShare> withDamaged = new ArrayList<>(List.of(damaged, shares.get(1), shares.get(2), shares.get(3)));
        assertThat(KeyShares.join(BOARD.certificate(), withDamaged).certificate())
                .isEqualTo(BOARD.certificate());
        assertThatThrownBy(() -> KeyShares.join(BOARD.certificate(), List.of(damaged, shares.get(1), shares.get(2))))
                .isInstanceOf(KeyShareException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void aShareReadsBackAsWritten_andAnythingElseIsRefused() {
        KeyShare share = KeyShares.split(BOARD, 4, 2, new SecureRandom()).get(3);
        byte[] der = share.encoded();

        KeyShare read = KeyShare.decode(der);
        assertThat(read.encoded()).isEqualTo(der);
        assertThat(read.threshold()).isEqualTo(2);
        assertThat(read.shares()).isEqualTo(4);
        assertThat(read.toString()).doesNotContain(java.util.HexFormat.of().formatHex(der));

        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        assertThatThrownBy(() -> KeyShare.decode(trailing)).isInstanceOf(KeyShareException.class);
        assertThatThrownBy(() -> KeyShare.decode(new byte[] {0x30, 0x00})).isInstanceOf(KeyShareException.class);
        assertThatThrownBy(() -> KeyShare.decode("not a share".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyShareException.class);
    }

    @Test
    void aSplitOutsideTheScheme_isRefused() {
        assertThatThrownBy(() -> KeyShares.split(BOARD, 5, 1, new SecureRandom()))
                .isInstanceOf(KeyShareException.class);
        assertThatThrownBy(() -> KeyShares.split(BOARD, 2, 3, new SecureRandom()))
                .isInstanceOf(KeyShareException.class);
        assertThatThrownBy(() -> KeyShares.split(BOARD, 17, 3, new SecureRandom()))
                .isInstanceOf(KeyShareException.class);
    }

    @Test
    void theSplitProof_verifiesOnlyForTheBoardKey_andTheSplitItNames() {
        List<SplitProof.Sealed> sealed =
                List.of(new SplitProof.Sealed("a1", new byte[] {1, 2}), new SplitProof.Sealed("b2", new byte[] {3}));
        byte[] message = SplitProof.message("board-1", "c0ffee", 2, sealed);
        byte[] signature = SplitProof.sign(BOARD, message);

        assertThat(SplitProof.verifies(BOARD.certificate(), message, signature)).isTrue();
        assertThat(SplitProof.verifies(EC_BOARD.certificate(), message, signature))
                .isFalse();
        byte[] otherThreshold = SplitProof.message("board-1", "c0ffee", 1, sealed);
        assertThat(SplitProof.verifies(BOARD.certificate(), otherThreshold, signature))
                .isFalse();
        byte[] otherShare = SplitProof.message(
                "board-1", "c0ffee", 2, List.of(sealed.get(0), new SplitProof.Sealed("b2", new byte[] {4})));
        assertThat(SplitProof.verifies(BOARD.certificate(), otherShare, signature))
                .isFalse();
    }

    @Test
    void aShareSealedToACustodian_opensInMemory_forThemOnly_andIsBounded() throws Exception {
        Identity custodian = TestKeys.ec("custodian");
        KeyShare share = KeyShares.split(BOARD, 3, 2, new SecureRandom()).get(0);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Envelopes.sealer(BOARD, List.of(custodian.certificate()))
                .seal(new ByteArrayInputStream(share.encoded()), sealed);

        Opener.OpenedSecret opened =
                Envelopes.opener(custodian).openSecret(new ByteArrayInputStream(sealed.toByteArray()), 8192);
        assertThat(opened.content()).isEqualTo(share.encoded());
        assertThat(opened.signer()).isEqualTo(BOARD.certificate());
        assertThatThrownBy(() -> Envelopes.opener(TestKeys.ec("someone else"))
                        .openSecret(new ByteArrayInputStream(sealed.toByteArray()), 8192))
                .isInstanceOf(EnvelopeOpeningException.class);
        assertThatThrownBy(() ->
                        Envelopes.opener(custodian).openSecret(new ByteArrayInputStream(sealed.toByteArray()), 16))
                .isInstanceOf(EnvelopeOpeningException.class);
    }
}
