package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an account may be made with: passwords per NIST SP 800-63B, explicit external sign-in, names that imitate none. */
@ExtendWith(SharedServer.class)
class AccountInputIT {

    private static JsonObjectBuilder account(String username, String displayName, String org) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", displayName)
                .add("roles", Json.createArrayBuilder().add("AGENCY_USER"))
                .add("organisationId", org);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "short pass",
                "            ",
                "aaaaaaaaaaaaaaaa",
                "abcabcabcabcabc",
                "123456789012",
                "password1234",
                "qwertyuiop123",
                "Dragon2024!!"
            })
    void weakPasswords_areRefused_andNoAccountIsMade(String password, Api api) {
        String org = api.newOrganisation("POLICE");
        String username = "w" + Api.unique();

        Api.Reply r = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account(username, "Weak Password", org)
                        .add("password", password)
                        .build()
                        .toString());

        assertThat(r.status()).as(password).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("password");
        if (!password.isBlank()) {
            assertThat(r.body()).as("the answer never repeats the password").doesNotContain(password);
        }
        assertThat(api.signIn(username, password).status()).isEqualTo(401);
    }

    @Test
    void aPasswordContainingTheUsername_isRefused_butALongPassphraseIsTaken(Api api) {
        String org = api.newOrganisation("POLICE");
        String username = "w" + Api.unique();

        assertThat(api.post(
                                "/api/v1/accounts",
                                api.adminToken(),
                                account(username, "Own Name", org)
                                        .add("password", "my-" + username + "-rocks")
                                        .build()
                                        .toString())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/accounts",
                                api.adminToken(),
                                account(username, "Own Name", org)
                                        .add("password", "plankton orbit velvet marmalade")
                                        .build()
                                        .toString())
                        .status())
                .isEqualTo(201);
        assertThat(api.signIn(username, "plankton orbit velvet marmalade").status())
                .isEqualTo(200);
    }

    @Test
    void anAccountWithoutAPassword_mustSayItSignsInElsewhere(Api api) {
        String org = api.newOrganisation("POLICE");
        String username = "e" + Api.unique();

        Api.Reply silent = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account(username, "External", org).build().toString());
        Api.Reply both = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account(username, "External", org)
                        .add("externalSignIn", true)
                        .add("password", UUID.randomUUID().toString())
                        .build()
                        .toString());
        Api.Reply external = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account(username, "External", org)
                        .add("externalSignIn", true)
                        .build()
                        .toString());

        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.json().getJsonObject("details").getString("field")).isEqualTo("password");
        assertThat(both.status()).isEqualTo(400);
        assertThat(external.status()).isEqualTo(201);
        assertThat(external.json().getBoolean("externalSignIn")).isTrue();
        assertThat(api.signIn(username, "any password at all").error()).isEqualTo("invalid_credentials");
    }

    @Test
    void aDisplayNameMixingScriptsToImitateAnother_isRefused(Api api) {
        String org = api.newOrganisation("POLICE");
        String cyrillicO = "\u041efficer Smith";

        Api.Reply mixed = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account("c" + Api.unique(), cyrillicO, org)
                        .add("password", UUID.randomUUID().toString())
                        .build()
                        .toString());
        Api.Reply bidi = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account("c" + Api.unique(), "Sam \u202eWorker", org)
                        .add("password", UUID.randomUUID().toString())
                        .build()
                        .toString());
        Api.Reply reviewer = api.post(
                "/api/v1/reviewers",
                api.newAccount("REVIEWER").token(),
                ReviewerRegistryIT.profile("R\u043ewan Reviewer", "HEALTH", "LONDON"));

        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().getJsonObject("details").getString("field")).isEqualTo("displayName");
        assertThat(bidi.status()).isEqualTo(400);
        assertThat(reviewer.status()).isEqualTo(400);
    }

    @Test
    void aDisplayNameConfusableWithAnExistingOne_isRefused_andOneInASingleOtherScriptIsTaken(Api api) {
        String org = api.newOrganisation("POLICE");
        String name = "Quill" + Api.unique().replaceAll("[0-9]", "") + " Officer";
        assertThat(api.post(
                                "/api/v1/accounts",
                                api.adminToken(),
                                account("q" + Api.unique(), name, org)
                                        .add("password", UUID.randomUUID().toString())
                                        .build()
                                        .toString())
                        .status())
                .isEqualTo(201);

        Api.Reply imitation = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account("q" + Api.unique(), name.replace("Officer", "0fficer"), org)
                        .add("password", UUID.randomUUID().toString())
                        .build()
                        .toString());
        Api.Reply greek = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                account("g" + Api.unique(), "Γιώργος Παπαδόπουλος", org)
                        .add("password", UUID.randomUUID().toString())
                        .build()
                        .toString());

        assertThat(imitation.status()).isEqualTo(400);
        assertThat(imitation.json().getJsonObject("details").getString("field")).isEqualTo("displayName");
        assertThat(greek.status()).isEqualTo(201);
    }
}
