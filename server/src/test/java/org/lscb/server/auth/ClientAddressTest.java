package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.5");

    @Test
    void withoutATrustedProxy_theConnectionsAddressCounts_whateverTheHeaderSays() {
        assertThat(ClientAddress.of("198.51.100.7", List.of("203.0.113.9"), Set.of()))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxy_theNearestUntrustedHopCounts() {
        assertThat(ClientAddress.of("10.0.0.5", List.of("1.2.3.4, 203.0.113.9"), PROXY))
                .as("the left entry is the sender's word")
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("10.0.0.5", List.of("203.0.113.9, 10.0.0.5"), PROXY))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aHopThatIsNotAnAddress_endsTheTrust() {
        assertThat(ClientAddress.of("10.0.0.5", List.of("evil.example"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", List.of("x".repeat(500)), PROXY))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6_isCanonical() {
        assertThat(ClientAddress.of("0:0:0:0:0:0:0:1", null, Set.of())).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ClientAddress.of("::1", null, Set.of())).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void trustedProxies_mustBeAddresses_notNames() {
        assertThat(org.lscb.server.config.IpAddresses.parseTrustedProxies(" 10.0.0.5, ::1 ,"))
                .containsExactlyInAnyOrder("10.0.0.5", "0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> org.lscb.server.config.IpAddresses.parseTrustedProxies("proxy.internal"))
                .hasMessageContaining("AUTH_TRUSTED_PROXIES");
    }
}
