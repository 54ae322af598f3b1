package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hashing on a second thread gives the same digest as hashing in line, for any length and write pattern. */
class BackgroundDigestsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16_384, 262_143, 262_144, 262_145, 3_000_017})
    void digest_isTheJdksSha256(int length) throws Exception {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        DigestCalculator calc = new BackgroundDigests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        OutputStream out = calc.getOutputStream();
        Random sizes = new Random(3);
        int at = 0;
        while (at < length) {
            int n = Math.min(length - at, 1 + sizes.nextInt(700_000));
            out.write(data, at, n);
            at += n;
        }

        assertThat(calc.getDigest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
