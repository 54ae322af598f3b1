package org.lscb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScrapeTokenTest {

    private static final String SECRET = "k3Yb0x-7dQ2mPz9wRt4vLs8nHc1fJg6u";

    @Test
    void basicCredentialsOfTheMetricsUserWithTheSecret_match() {
        assertThat(ScrapeToken.of(SECRET).matchesAuthorization(basic("metrics:" + SECRET)))
                .isTrue();
        assertThat(ScrapeToken.of(SECRET).matchesAuthorization("basic " + encoded("metrics:" + SECRET)))
                .isTrue();
    }

    @Test
    void anythingElse_doesNotMatch() {
        ScrapeToken token = ScrapeToken.of(SECRET);

        assertThat(token.matchesAuthorization(null)).isFalse();
        assertThat(token.matchesAuthorization("Bearer " + SECRET)).isFalse();
        assertThat(token.matchesAuthorization(basic("admin:" + SECRET))).isFalse();
        assertThat(token.matchesAuthorization(basic("metrics:" + SECRET + "x"))).isFalse();
        assertThat(token.matchesAuthorization(basic("metrics:"))).isFalse();
        assertThat(token.matchesAuthorization(basic(SECRET))).isFalse();
        assertThat(token.matchesAuthorization("Basic not-base64!")).isFalse();
    }

    @Test
    void shortOrSpacedSecrets_areRefused_andTheSecretIsNeverPrinted() {
        assertThatThrownBy(() -> ScrapeToken.of("short")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> ScrapeToken.of("a secret with spaces that is long enough"))
                .hasMessageContaining("spaces");
        assertThat(ScrapeToken.of(SECRET).toString()).doesNotContain(SECRET);
    }

    private static String basic(String credentials) {
        return "Basic " + encoded(credentials);
    }

    private static String encoded(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
