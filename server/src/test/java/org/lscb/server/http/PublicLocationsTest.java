package org.lscb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.server.config.PublicBaseUrl;

class PublicLocationsTest {

    @Test
    void withoutABaseUrl_theLocationIsPathAbsolute() {
        PublicLocations locations = new PublicLocations(Optional.empty());

        assertThat(locations.of("reviews", "3f2a").toString()).isEqualTo("/api/v1/reviews/3f2a");
    }

    @Test
    void withABaseUrl_theLocationStartsWithIt() {
        PublicLocations locations =
                new PublicLocations(Optional.of(PublicBaseUrl.parse("https://exchange.example.org")));

        assertThat(locations.of("reviews", "3f2a", "appointments", "9b").toString())
                .isEqualTo("https://exchange.example.org/api/v1/reviews/3f2a/appointments/9b");
    }

    @Test
    void aBaseUrlWithAPathAndTrailingSlash_keepsThePathOnce() {
        PublicLocations locations =
                new PublicLocations(Optional.of(PublicBaseUrl.parse(" https://example.org/lscb/ ")));

        assertThat(locations.of("accounts", "7").toString()).isEqualTo("https://example.org/lscb/api/v1/accounts/7");
    }

    @Test
    void eachSegmentStaysOneSegment() {
        PublicLocations locations = new PublicLocations(Optional.empty());

        assertThat(locations.of("reviews", "a/b?c#d é").toString()).isEqualTo("/api/v1/reviews/a%2Fb%3Fc%23d%20%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "exchange.example.org",
                "/api",
                "ftp://example.org",
                "https://",
                "https://user:pw@example.org",
                "https://example.org/?q=1",
                "https://example.org/#top",
                "https://exa mple.org"
            })
    void badBaseUrls_areRefusedWithASentence(String text) {
        assertThatThrownBy(() -> PublicBaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must");
    }
}
