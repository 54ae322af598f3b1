package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;

class AccountTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void everyRoleButAdmin_needsAnOrganisation() {
        assertThatThrownBy(() -> new Account(
                        new Username("agency"), "Agency", EnumSet.of(Role.AGENCY_USER), null, null, Instant.now()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("organisationId");
        assertThat(new Account(new Username("root"), "Admin", EnumSet.of(Role.ADMIN), null, null, Instant.now())
                        .roles())
                .containsExactly(Role.ADMIN);
    }

    @Test
    void anAccountWithoutRoles_isRefused() {
        assertThatThrownBy(() -> new Account(
                        new Username("nobody"), "x", EnumSet.noneOf(Role.class), "org", null, Instant.now()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("roles");
    }

    @Test
    void accountWithoutLocalPassword_neverMatches() {
        Account external =
                new Account(new Username("ext"), "External", EnumSet.of(Role.REVIEWER), "org", null, Instant.now());

        assertThat(external.passwordMatches("".toCharArray(), hasher)).isFalse();
        assertThat(external.passwordMatches("anything".toCharArray(), hasher)).isFalse();
    }

    @Test
    void accountWithoutLocalPassword_costsTheSameArgon2AsAWrongPassword() {
        Account external =
                new Account(new Username("ext2"), "External", EnumSet.of(Role.REVIEWER), "org", null, Instant.now());
        Account local = new Account(
                new Username("local"),
                "Local",
                EnumSet.of(Role.REVIEWER),
                "org",
                hasher.hash("the right password".toCharArray()),
                Instant.now());

        long before = hasher.verifications();
        external.passwordMatches("a guess".toCharArray(), hasher);
        long forExternal = hasher.verifications() - before;
        local.passwordMatches("a guess".toCharArray(), hasher);
        long forLocal = hasher.verifications() - before - forExternal;

        assertThat(forExternal).isEqualTo(1).isEqualTo(forLocal);
    }

    @Test
    void displayNameWithControlCharacters_isRefused() {
        assertThatThrownBy(() -> new Account(
                        new Username("evil"), "Evil\u001b[31m", EnumSet.of(Role.ADMIN), null, null, Instant.now()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("displayName");
    }
}
