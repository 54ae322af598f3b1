package org.lscb.server.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeploymentKeyWrapTest {

    private static final byte[] KEY = "a private key's bytes".getBytes(StandardCharsets.UTF_8);

    private static DeploymentKeyWrap wrap(String secret) {
        return new DeploymentKeyWrap(secret.toCharArray());
    }

    @Test
    void wrapped_unwrapsWithTheSameSecretNameAndVersion() {
        String wrapped = wrap("secret one").wrap("ca", 1, KEY);

        assertThat(wrapped).startsWith("v1:").doesNotContain("private");
        assertThat(wrap("secret one").unwrap("ca", 1, wrapped)).isEqualTo(KEY);
    }

    @Test
    void wrappingTwice_givesDifferentText() {
        DeploymentKeyWrap w = wrap("secret one");

        assertThat(w.wrap("ca", 1, KEY)).isNotEqualTo(w.wrap("ca", 1, KEY));
    }

    @Test
    void anotherSecret_isRefused() {
        String wrapped = wrap("secret one").wrap("ca", 1, KEY);

        assertThatThrownBy(() -> wrap("secret two").unwrap("ca", 1, wrapped))
                .isInstanceOf(DeploymentKeyWrap.UnwrapException.class)
                .hasMessage("the ca key (version 1) in the database does not unwrap with this CA_SECRET");
    }

    @Test
    void anotherNameOrVersion_isRefused_theRowCannotBeMoved() {
        DeploymentKeyWrap w = wrap("secret one");
        String wrapped = w.wrap("token-signing", 2, KEY);

        assertThatThrownBy(() -> w.unwrap("gateway", 2, wrapped)).isInstanceOf(DeploymentKeyWrap.UnwrapException.class);
        assertThatThrownBy(() -> w.unwrap("token-signing", 1, wrapped))
                .isInstanceOf(DeploymentKeyWrap.UnwrapException.class);
        // without the zero byte between name and version, ("ab", 12) and ("ab1", 2) would be the same bytes
        String other = w.wrap("ab", 12, KEY);
        assertThatThrownBy(() -> w.unwrap("ab1", 2, other)).isInstanceOf(DeploymentKeyWrap.UnwrapException.class);
    }

    @Test
    void anyChangedByte_isRefused() {
        DeploymentKeyWrap w = wrap("secret one");
        String wrapped = w.wrap("ca", 1, KEY);
        byte[] raw = Base64.getDecoder().decode(wrapped.substring(3));
        // a byte of the nonce, of the ciphertext and of the tag
        for (int i : new int[] {0, 11, 12, 12 + KEY.length - 1, raw.length - 1}) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(changed);
            assertThatThrownBy(() -> w.unwrap("ca", 1, tampered))
                    .as("byte %d changed", i)
                    .isInstanceOf(DeploymentKeyWrap.UnwrapException.class);
        }
    }

    @Test
    void truncatedEmptyOrForeignText_isRefused() {
        DeploymentKeyWrap w = wrap("secret one");
        String wrapped = w.wrap("ca", 1, KEY);

        for (String bad : new String[] {
            wrapped.substring(0, wrapped.length() - 4), "v1:", "", "v2:" + wrapped.substring(3), "v1:not base64!", null
        }) {
            assertThatThrownBy(() -> w.unwrap("ca", 1, bad))
                    .as("%s", bad)
                    .isInstanceOf(DeploymentKeyWrap.UnwrapException.class);
        }
    }

    @Test
    void emptyKey_roundTrips() {
        DeploymentKeyWrap w = wrap("secret one");

        assertThat(w.unwrap("ca", 1, w.wrap("ca", 1, new byte[0]))).isEmpty();
    }

    /**
     * Made once with this secret: a deployment's stored keys must unwrap after any upgrade, so the derivation
     * (HKDF-SHA256, its info label), the format and the associated data may never change silently.
     */
    @Test
    void knownAnswer_unwrapsAsItAlwaysHas() {
        String stored = KNOWN_ANSWER;

        assertThat(new String(wrap("known-answer secret").unwrap("token-signing", 3, stored), StandardCharsets.UTF_8))
                .isEqualTo("known answer");
    }

    static final String KNOWN_ANSWER = "v1:B2sCXUPgjfcWIOZ8IODjohjbK/w9BACJEHP4Fcybh1xlip+JfZLv0Q==";

    @Test
    void theSecretsCharacters_areClearedOnceDerived() {
        char[] secret = "secret one".toCharArray();

        new DeploymentKeyWrap(secret);

        assertThat(new String(secret)).isEqualTo("\0".repeat(10));
    }
}
