package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.api.Test;

/** The digests are of what was written, with the listed SHA-2 algorithms only; an unlisted one has no digest at all. */
class SignedContentDigestsTest {

    @Test
    void theDigestOfAListedAlgorithm_isOfTheBytesWritten_andTheParsersCalculatorReportsIt() throws Exception {
        SignedContentDigests digests = new SignedContentDigests();
        DigestCalculator forParser = digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        forParser.getOutputStream().write("not what was written".getBytes()); // discarded
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        byte[] content = new byte[100_000];
        try (OutputStream out = digests.tee(file)) {
            out.write(content, 0, 40_000);
            out.write(content, 40_000, 60_000);
        }
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(content);

        assertThat(file.toByteArray()).isEqualTo(content);
        assertThat(digests.of(NISTObjectIdentifiers.id_sha256)).hasValue(expected);
        assertThat(forParser.getDigest()).isEqualTo(expected);
    }

    @Test
    void anUnlistedAlgorithm_hasNoDigest_andOneOutsideTheProfileIsNotComputed() {
        SignedContentDigests digests = new SignedContentDigests();

        assertThatThrownBy(() -> digests.get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)))
                .isInstanceOf(OperatorCreationException.class);
        assertThat(digests.of(NISTObjectIdentifiers.id_sha256)).isEmpty();
        assertThat(digests.of(OIWObjectIdentifiers.idSHA1)).isEmpty();
    }
}
