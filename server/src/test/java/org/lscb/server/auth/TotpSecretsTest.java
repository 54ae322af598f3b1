package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TotpSecretsTest {

    private final TotpSecrets secrets = new TotpSecrets(() -> "a deployment secret".toCharArray());

    @Test
    void aWrappedSecret_unwrapsForItsAccount_andIsNotStoredInClear() {
        byte[] secret = secrets.newSecret();

        String wrapped = secrets.wrap("account-1", secret);

        assertThat(secrets.unwrap("account-1", wrapped)).isEqualTo(secret);
        assertThat(wrapped)
                .doesNotContain(new org.apache.commons.codec.binary.Base32()
                        .encodeToString(secret)
                        .replace("=", ""))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(secret));
    }

    @Test
    void aWrappedSecretMovedToAnotherAccount_doesNotUnwrap() {
        String wrapped = secrets.wrap("account-1", secrets.newSecret());

        assertThatThrownBy(() -> secrets.unwrap("account-2", wrapped)).hasMessageContaining("does not unwrap");
    }

    @Test
    void underAnotherDeploymentSecret_nothingUnwraps() {
        String wrapped = secrets.wrap("account-1", secrets.newSecret());

        assertThatThrownBy(() -> new TotpSecrets(() -> "another secret".toCharArray()).unwrap("account-1", wrapped))
                .hasMessageContaining("CA_SECRET");
    }
}
