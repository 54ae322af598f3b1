package org.lscb.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The child key under the deployment secret (docs/security.md "Child identifiers"). */
class ChildIdentifiersTest {

    static final LocalDate BORN = LocalDate.of(2025, 3, 1);

    @Test
    void sameChildUnderTheSameSecret_hasTheSameKey() {
        assertThat(new ChildIdentifiers(() -> "secret one".toCharArray()).of("9434765919", BORN))
                .isEqualTo(new ChildIdentifiers(() -> "secret one".toCharArray()).of("9434765919", BORN));
    }

    @Test
    void anotherDeploymentSecret_givesTheSameChildAnotherKey() {
        assertThat(new ChildIdentifiers(() -> "secret two".toCharArray()).of("9434765919", BORN))
                .isNotEqualTo(new ChildIdentifiers(() -> "secret one".toCharArray()).of("9434765919", BORN));
    }

    @Test
    void theKey_isNotAPlainHashOfTheIdentifiers() throws Exception {
        String plain = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("nhs:9434765919;dob:2025-03-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        String k = new ChildIdentifiers(() -> "secret one".toCharArray()).of("9434765919", BORN);

        assertThat(k).isNotEqualTo(plain).doesNotContain("9434765919");
    }
}
