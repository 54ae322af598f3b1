package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "Upper",
                "with space",
                "../etc",
                "x\r\ny",
                "name;drop",
                "-dash-first",
                "3f2a9c1e-0b7d-4c2e-9a41-5d6e7f809a1b"
            })
    void badNames_areRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> new Username(value))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("username");
    }

    @Test
    void overlongName_isRefused() {
        assertThatThrownBy(() -> new Username("a".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void loginPrompt_isForgivingAboutCaseAndSpaces() {
        assertThat(Username.parseLogin("  Officer ")).contains(new Username("officer"));
        assertThat(Username.parseLogin("no way")).isEmpty();
        assertThat(Username.parseLogin(null)).isEmpty();
    }
}
