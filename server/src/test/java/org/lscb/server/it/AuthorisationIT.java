package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call the foundation endpoints; each role that must be refused is refused. */
@ExtendWith(SharedServer.class)
class AuthorisationIT {

    record Call(String method, String path, String body) {}

    private static final List<Call> OFFICER_AND_ADMIN_ONLY = List.of(
            new Call("GET", "/api/v1/organisations", null),
            new Call("POST", "/api/v1/organisations", "{\"name\":\"Refused Org\",\"kind\":\"POLICE\"}"),
            new Call("GET", "/api/v1/accounts", null),
            new Call(
                    "POST",
                    "/api/v1/accounts",
                    "{\"username\":\"refused\",\"displayName\":\"x\",\"roles\":[\"REVIEWER\"]}"),
            new Call("GET", "/api/v1/audit", null),
            new Call("GET", "/api/v1/audit/verify", null),
            new Call("GET", "/api/v1/audit/checkpoint", null));

    /** Every role's own, with no id in the path: a caller reaches their own key backup and no other (KeyBackupIT). */
    private static final List<Call> EVERY_ROLE_ITS_OWN = List.of(
            new Call("GET", "/api/v1/keys/backup", null),
            new Call("PUT", "/api/v1/keys/backup", "{}"),
            new Call("DELETE", "/api/v1/keys/backup", null));

    /** The partner agencies' professionals and the boards' officers notify a child's death; nobody else. */
    private static final List<Call> NOTIFIERS_ONLY =
            List.of(new Call("POST", "/api/v1/child-death-notifications", "{}"));

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "REVIEWER", "CDOP_MEMBER"})
    void rolesThatDoNotNotify_are403OnChildDeathNotification(String role, Api api) {
        Api.Login user = api.newAccount(role);
        for (Call c : NOTIFIERS_ONLY) {
            Api.Reply r = call(api, c, user.token());
            assertThat(r.status()).as(role + " " + c.method() + " " + c.path()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("forbidden");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSCB_OFFICER", "AGENCY_USER", "PAEDIATRICIAN", "CORONER"})
    void notifiers_areAdmittedToChildDeathNotification(String role, Api api) {
        Api.Login user = api.newAccount(role);
        for (Call c : NOTIFIERS_ONLY) {
            Api.Reply r = call(api, c, user.token());
            assertThat(r.status())
                    .as(role + " " + c.method() + " " + c.path() + ": admitted, the empty body refused")
                    .isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid_request");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER"})
    void rolesWithoutTheRight_are403OnOfficerEndpoints(String role, Api api) {
        Api.Login user = api.newAccount(role);
        for (Call c : OFFICER_AND_ADMIN_ONLY) {
            Api.Reply r = call(api, c, user.token());
            assertThat(r.status()).as(role + " " + c.method() + " " + c.path()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("forbidden");
        }
    }

    @Test
    void noToken_is401OnEveryProtectedEndpoint(Api api) {
        for (Call c : OFFICER_AND_ADMIN_ONLY) {
            assertThat(call(api, c, null).status())
                    .as(c.method() + " " + c.path())
                    .isEqualTo(401);
        }
        for (Call c : EVERY_ROLE_ITS_OWN) {
            assertThat(call(api, c, null).status())
                    .as(c.method() + " " + c.path())
                    .isEqualTo(401);
        }
        for (Call c : NOTIFIERS_ONLY) {
            assertThat(call(api, c, null).status())
                    .as(c.method() + " " + c.path())
                    .isEqualTo(401);
        }
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ADMIN", "LSCB_OFFICER", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER"})
    void everyRole_isAdmittedToItsOwnKeyBackup(String role, Api api) {
        Api.Login user = api.newAccount(role);

        Api.Reply read = call(api, EVERY_ROLE_ITS_OWN.get(0), user.token());
        Api.Reply store = call(api, EVERY_ROLE_ITS_OWN.get(1), user.token());
        Api.Reply remove = call(api, EVERY_ROLE_ITS_OWN.get(2), user.token());

        assertThat(read.status()).as(role + " reads: none of theirs yet").isEqualTo(404);
        assertThat(read.error()).isEqualTo("not_found");
        assertThat(store.status())
                .as(role + " stores: admitted, the empty backup refused")
                .isEqualTo(400);
        assertThat(store.error()).isEqualTo("invalid_request");
        assertThat(remove.status()).as(role + " removes").isEqualTo(204);
    }

    @Test
    void aTokenThatOnlySetsUpASecondFactor_is403OnTheKeyBackup(Api api) {
        String username = "u" + Api.unique();
        String password = "pw-" + java.util.UUID.randomUUID();
        Api.Reply created = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                "{\"username\":\"" + username + "\",\"displayName\":\"Officer in set-up\",\"roles\":[\"LSCB_OFFICER\"],"
                        + "\"organisationId\":\"" + api.newOrganisation("LSCB") + "\",\"password\":\"" + password
                        + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply signedIn = api.signIn(username, password);
        assertThat(signedIn.json().getString("next")).isEqualTo("enrol_totp");
        String limited = signedIn.json().getString("access_token");

        for (Call c : EVERY_ROLE_ITS_OWN) {
            Api.Reply r = call(api, c, limited);
            assertThat(r.status()).as(c.method() + " " + c.path()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("forbidden");
        }
    }

    @Test
    void officer_mayReadAndCreateOrganisations(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");

        assertThat(api.get("/api/v1/organisations", officer.token()).status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/organisations",
                                officer.token(),
                                "{\"name\":\"Officer Org " + Api.unique() + "\",\"kind\":\"HEALTH\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/audit/verify", officer.token()).status()).isEqualTo(200);
    }

    @Test
    void officer_mayCreateAgencyAccountsButNotAdministratorsOrOfficers(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String org = officer.organisationId();

        Api.Reply agency = api.post(
                "/api/v1/accounts",
                officer.token(),
                "{\"username\":\"a" + Api.unique()
                        + "\",\"displayName\":\"Agency person\",\"roles\":[\"AGENCY_USER\"],\"organisationId\":\"" + org
                        + "\",\"password\":\"" + java.util.UUID.randomUUID() + "\"}");
        Api.Reply admin = api.post(
                "/api/v1/accounts",
                officer.token(),
                "{\"username\":\"a" + Api.unique() + "\",\"displayName\":\"Would-be admin\",\"roles\":[\"ADMIN\"]}");
        Api.Reply otherOfficer = api.post(
                "/api/v1/accounts",
                officer.token(),
                "{\"username\":\"a" + Api.unique()
                        + "\",\"displayName\":\"Would-be officer\",\"roles\":[\"LSCB_OFFICER\"],\"organisationId\":\""
                        + org + "\"}");

        assertThat(agency.status()).isEqualTo(201);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(otherOfficer.status()).isEqualTo(403);
    }

    @Test
    void accountAnswers_neverCarryThePasswordHash(Api api) {
        Api.Login user = api.newAccount("REVIEWER");

        String body = api.get("/api/v1/accounts/" + user.id(), api.adminToken()).body();

        assertThat(body).doesNotContain("argon2").doesNotContain("password");
    }

    private static Api.Reply call(Api api, Call c, String token) {
        return api.send(
                c.method(),
                c.path(),
                token,
                c.body() == null ? null : "application/json",
                c.body() == null ? null : c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
