package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.envelope.HostileEnvelopes.authEnveloped;
import static org.lscb.envelope.HostileEnvelopes.cbcEnveloped;
import static org.lscb.envelope.HostileEnvelopes.innerSignedData;
import static org.lscb.envelope.HostileEnvelopes.seal;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;

/** A board asked to grant access to a crafted envelope neither uses its key outside the profile nor passes on a weak key. */
class GranterHardeningTest {

    // keys the other tests use too: RSA key generation is slow
    private final Identity alice = TestKeys.rsa("Agency Author");
    private final Identity board = TestKeys.rsa("Reviewer");
    private final Identity late = TestKeys.rsa("Late Reviewer");

    @Test
    void aHolderEntryWithPkcs1v15KeyTransport_isRefused_beforeTheBoardsKeyDecryptsIt() throws Exception {
        byte[] signed = innerSignedData(seal(alice, board, "hello".getBytes()), board);
        CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
        g.addRecipientInfoGenerator(
                new JceKeyTransRecipientInfoGenerator(board.certificate())); // rsaEncryption: PKCS#1 v1.5
        byte[] v15 = g.generate(new CMSProcessableByteArray(signed), HostileEnvelopes.Gcm.aes256())
                .getEncoded();

        assertThatThrownBy(() ->
                        Envelopes.granter(board).grant(new ByteArrayInputStream(v15), List.of(late.certificate())))
                .isInstanceOf(EnvelopeOpeningException.class)
                .hasCauseInstanceOf(UnsupportedEnvelopeException.class)
                .cause()
                .hasMessageStartingWith("RSA PKCS#1 v1.5 key transport");
    }

    @Test
    void a128BitContentKeyUnderAnAes256Label_isNotGrantedOn() throws Exception {
        byte[] signed = innerSignedData(seal(alice, board, "hello".getBytes()), board);
        byte[] gcm = authEnveloped(board, signed, new HostileEnvelopes.Gcm(16, 16));
        byte[] cbc = cbcEnveloped(board, signed, 16);

        for (byte[] weak : List.of(gcm, cbc)) {
            assertThatThrownBy(() ->
                            Envelopes.granter(board).grant(new ByteArrayInputStream(weak), List.of(late.certificate())))
                    .isInstanceOf(EnvelopeOpeningException.class)
                    .hasCauseInstanceOf(UnsupportedEnvelopeException.class)
                    .cause()
                    .hasMessageStartingWith("an AES-256 content key of 128 bits");
        }
    }
}
