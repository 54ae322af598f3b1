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
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
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
        return c.method().equals("GET") ? api.get(c.path(), token) : api.post(c.path(), token, c.body());
    }
}
