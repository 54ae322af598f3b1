package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which verified answers {@link VerifiedTokenStore} may keep (docs/security.md "Sign-in and tokens"). */
class VerifiedTokenStoreTest {

    @Test
    void answers_are_kept_against_this_servers_own_keys() {
        assertThat(VerifiedTokenStore.cacheableKeys(Optional.of("{\"keys\":[]}"), Optional.empty()))
                .contains("{\"keys\":[]}");
    }

    /** An external issuer's key set may lose a key under the same address: its tokens are verified every time. */
    @Test
    void nothing_is_kept_when_the_keys_are_read_from_a_location() {
        assertThat(VerifiedTokenStore.cacheableKeys(Optional.empty(), Optional.of("https://idp.example/jwks")))
                .isEmpty();
        assertThat(VerifiedTokenStore.cacheableKeys(
                        Optional.of("{\"keys\":[]}"), Optional.of("https://idp.example/jwks")))
                .isEmpty();
    }
}
