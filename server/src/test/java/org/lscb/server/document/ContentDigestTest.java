package org.lscb.server.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.document.ContentDigest.Algorithm;

class ContentDigestTest {

    private static final byte[] BODY = body();

    @Test
    void noField_checksNothing() {
        assertThat(ContentDigest.of(null)).isSameAs(ContentDigest.NONE);
        assertThat(ContentDigest.of(List.of())).isSameAs(ContentDigest.NONE);
        assertThat(ContentDigest.NONE.algorithms()).isEmpty();
    }

    @Test
    void theBodysOwnDigests_areAccepted_givenOnOneLineOrSeveral() throws Exception {
        ContentDigest one =
                ContentDigest.of(List.of(field("sha-256", "SHA-256", BODY) + ", " + field("sha-512", "SHA-512", BODY)));
        ContentDigest two =
                ContentDigest.of(List.of(field("sha-256", "SHA-256", BODY), field("sha-512", "SHA-512", BODY)));

        for (ContentDigest d : List.of(one, two)) {
            assertThat(d.algorithms()).containsExactly(Algorithm.SHA_256, Algorithm.SHA_512);
            assertThatCode(() -> d.verify(read(BODY, d.algorithms()))).doesNotThrowAnyException();
        }
    }

    @Test
    void aBodyThatDiffersByOneBit_isAMismatch_namingTheAlgorithmAndWhatArrived() throws Exception {
        byte[] changed = BODY.clone();
        changed[70_000] ^= 0x10;
        ContentDigest d = ContentDigest.of(List.of(field("sha-256", "SHA-256", BODY)));

        assertThatThrownBy(() -> d.verify(read(changed, d.algorithms())))
                .isInstanceOfSatisfying(
                        DigestMismatchException.class,
                        e -> assertThat(e.algorithm()).isEqualTo("sha-256"))
                .hasMessageContaining(Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(changed)))
                .hasMessageContaining("nothing was kept");
    }

    @Test
    void aMismatchInSha512_refusesEvenWhenSha256Matches() throws Exception {
        ContentDigest d = ContentDigest.of(
                List.of(field("sha-256", "SHA-256", BODY) + "," + field("sha-512", "SHA-512", new byte[1])));

        assertThatThrownBy(() -> d.verify(read(BODY, d.algorithms())))
                .isInstanceOfSatisfying(
                        DigestMismatchException.class,
                        e -> assertThat(e.algorithm()).isEqualTo("sha-512"));
    }

    /** RFC 9530: a recipient may ignore algorithms it does not support. */
    @Test
    void otherAlgorithms_areIgnored_andAFieldOfOnlyThoseChecksNothing() {
        assertThat(ContentDigest.of(List.of("sha3-256=:AAAA:, unixsum=:AA==:, md5=?1")))
                .isSameAs(ContentDigest.NONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sha-256",
                "sha-256=abc",
                "sha-256=:AAAA:",
                "sha-512=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:",
                "sha-256=(:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:)",
                "sha-256=:###:",
                "Sha-256=:AAAA:",
                "sha-256=:AAAA:,"
            })
    void aMalformedField_isAnInvalidValueNamingIt(String field) {
        assertThatThrownBy(() -> ContentDigest.of(List.of(field)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Content-Digest"));
    }

    @Test
    void digestsOfABodyNotReadToItsEnd_areNotGiven() throws Exception {
        ReceivedDigests received = new ReceivedDigests(new ByteArrayInputStream(BODY), Set.of(Algorithm.SHA_256));
        received.readNBytes(100);

        assertThatThrownBy(received::digests).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void skippedBytes_areHashedToo() throws Exception {
        ReceivedDigests received = new ReceivedDigests(new ByteArrayInputStream(BODY), Set.of(Algorithm.SHA_256));
        received.readNBytes(10);
        assertThat(received.skip(50_000)).isEqualTo(50_000);
        received.read();
        received.readAllBytes();

        assertThat(received.digests().get(Algorithm.SHA_256))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(BODY));
    }

    private static Map<Algorithm, byte[]> read(byte[] body, Set<Algorithm> algorithms) throws Exception {
        ReceivedDigests received = new ReceivedDigests(new ByteArrayInputStream(body), algorithms);
        try (InputStream in = received) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return received.digests();
    }

    private static String field(String key, String jdkName, byte[] body) throws Exception {
        return key + "=:"
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance(jdkName).digest(body)) + ":";
    }

    private static byte[] body() {
        byte[] b = new byte[100_000];
        new Random(7).nextBytes(b);
        return b;
    }
}
