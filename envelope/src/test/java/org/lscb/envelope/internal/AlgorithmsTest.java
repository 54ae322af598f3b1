package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.lscb.envelope.UnsupportedEnvelopeException;

/** docs/security.md: signatures by RSA-PSS or ECDSA with SHA-256 or stronger, the mask's hash included. */
class AlgorithmsTest {

    private static final AlgorithmIdentifier SHA256 =
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    private static final AlgorithmIdentifier SHA1 =
            new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE);

    @Test
    void rsaPssWithSha256Throughout_isAccepted() {
        assertThatCode(() -> Algorithms.checkSignature(NISTObjectIdentifiers.id_sha256, pss(SHA256, SHA256, 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void rsaPssWhoseMaskUsesSha1_isRefused() {
        assertThatThrownBy(() -> Algorithms.checkSignature(NISTObjectIdentifiers.id_sha256, pss(SHA256, SHA1, 1)))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    @Test
    void rsaPssWithAnUndefinedTrailer_isRefused() {
        assertThatThrownBy(() -> Algorithms.checkSignature(NISTObjectIdentifiers.id_sha256, pss(SHA256, SHA256, 2)))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    private static AlgorithmIdentifier pss(AlgorithmIdentifier hash, AlgorithmIdentifier maskHash, int trailer) {
        return new AlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSASSA_PSS,
                new RSASSAPSSparams(
                        hash,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, maskHash),
                        new ASN1Integer(32),
                        new ASN1Integer(trailer)));
    }
}
