package org.lscb.registry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.registry.value.InvalidValueException;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Upper", "with space", "../etc", "x\r\ny", "name;drop", "-dash-first"})
    void badNames_areRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> new Username(value))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("username");
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
