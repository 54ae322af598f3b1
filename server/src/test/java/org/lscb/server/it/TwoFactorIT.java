package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two-factor sign-in (TOTP, RFC 6238) and sign-in throttling per client, over HTTP (issue 16). */
@ExtendWith(SharedServer.class)
class TwoFactorIT {

    /** An account made by the administrator, not yet signed in. */
    private record Person(String id, String username, String password) {}

    private static Person person(Api api, String role, String organisationId) {
        String username = "t" + Api.unique();
        String password = "pw-" + UUID.randomUUID();
        Api.Reply r = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                "{\"username\":\"" + username + "\",\"displayName\":\"Two Factor\"," + "\"roles\":[\"" + role
                        + "\"],\"organisationId\":\"" + organisationId + "\",\"password\":\"" + password + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Person(r.json().getString("id"), username, password);
    }

    private static String otpBody(String otp) {
        return Json.createObjectBuilder().add("otp", otp).build().toString();
    }

    @Test
    void anOfficerWithoutASecondFactor_getsATokenThatOnlySetsItUp(Api api) {
        Person officer = person(api, "LSCB_OFFICER", api.newOrganisation("LSCB"));

        Api.Reply signedIn = api.signIn(officer.username(), officer.password());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().getString("next")).isEqualTo("enrol_totp");
        String limited = signedIn.json().getString("access_token");

        for (String path :
                List.of("/api/v1/reviews", "/api/v1/me", "/api/v1/accounts", "/api/v1/reviewers", "/api/v1/audit")) {
            assertThat(api.get(path, limited).status()).as(path).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/auth/totp", limited).json().getBoolean("enrolled"))
                .isFalse();
    }

    @Test
    void settingUp_showsTheSecretAsUriAndQrCode_andTheFirstRightCodeConfirmsIt(Api api) {
        Person officer = person(api, "LSCB_OFFICER", api.newOrganisation("LSCB"));
        String limited =
                api.signIn(officer.username(), officer.password()).json().getString("access_token");

        Api.Reply started = api.post("/api/v1/auth/totp", limited, "{}");
        assertThat(started.status()).isEqualTo(201);
        JsonObject s = started.json();
        assertThat(s.getString("secret")).matches("[A-Z2-7]{32}");
        assertThat(s.getString("otpauthUri"))
                .startsWith("otpauth://totp/LSCB%20review%20exchange:" + officer.username() + "?secret="
                        + s.getString("secret") + "&issuer=LSCB%20review%20exchange");
        String qr = s.getString("qrCode");
        assertThat(qr).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8))
                .startsWith("<svg")
                .contains("<path");
        api.knowSecret(officer.username(), s.getString("secret"));

        Api.Reply wrong = api.post(
                "/api/v1/auth/totp/confirm",
                limited,
                otpBody("000000".equals(api.nextCode(officer.username())) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getJsonObject("details").getString("field")).isEqualTo("otp");

        Api.Reply confirmed = api.post("/api/v1/auth/totp/confirm", limited, otpBody(api.nextCode(officer.username())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().getJsonArray("recoveryCodes")).hasSize(10);
        String full = confirmed.json().getString("access_token");
        assertThat(api.get("/api/v1/reviews", full).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/totp", full).json().getInt("recoveryCodesLeft"))
                .isEqualTo(10);

        Api.Reply again = api.post("/api/v1/auth/totp", full, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("already_enrolled");
    }

    @Test
    void signIn_needsTheCode_refusesAReplayedOne_andTakesEachRecoveryCodeOnce(Api api) {
        Person officer = person(api, "LSCB_OFFICER", api.newOrganisation("LSCB"));
        String limited =
                api.signIn(officer.username(), officer.password()).json().getString("access_token");
        List<String> recovery = api
                .enrolSecondFactor(officer.username(), limited)
                .getJsonArray("recoveryCodes")
                .getValuesAs(jakarta.json.JsonString.class)
                .stream()
                .map(jakarta.json.JsonString::getString)
                .toList();

        Api.Reply withoutCode = api.signIn(officer.username(), officer.password());
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.error()).isEqualTo("otp_required");
        assertThat(withoutCode.body()).doesNotContain("access_token");

        String code = api.nextCode(officer.username());
        Api.Reply withCode = api.signIn(officer.username(), officer.password(), code);
        assertThat(withCode.status()).isEqualTo(200);
        assertThat(withCode.json().containsKey("next")).isFalse();
        Api.Reply replayed = api.signIn(officer.username(), officer.password(), code);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.error()).isEqualTo("invalid_credentials");

        Api.Reply wrongPasswordRightCode = api.signIn(officer.username(), "not the password", recovery.get(0));
        assertThat(wrongPasswordRightCode.status()).isEqualTo(401);
        assertThat(api.signIn(
                                officer.username(),
                                officer.password(),
                                recovery.get(0).toUpperCase())
                        .status())
                .isEqualTo(200);
        assertThat(api.signIn(officer.username(), officer.password(), recovery.get(0))
                        .status())
                .as("used once")
                .isEqualTo(401);
        assertThat(api.signIn(officer.username(), officer.password(), "abcd-efgh-ijkl-mnop")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theFirstAdministrator_mustSetUpTwoFactorToo(Api api) {
        // the run's administrator was created from ADMIN_PASSWORD and set up two-factor sign-in on first use
        // (Api.token follows the enrol_totp answer), so the password alone is no longer enough
        api.adminToken();
        assertThat(api.signIn("admin", api.adminPassword()).error()).isEqualTo("otp_required");
    }

    @Test
    void twoFactor_isOptionalForAgencyStaff_butOnceSetUpItIsRequired_andACodeIsNeverIgnored(Api api) {
        Person agency = person(api, "AGENCY_USER", api.newOrganisation("POLICE"));

        Api.Reply plain = api.signIn(agency.username(), agency.password());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().containsKey("next")).isFalse();
        assertThat(api.get("/api/v1/me", plain.json().getString("access_token")).status())
                .isEqualTo(200);
        assertThat(api.signIn(agency.username(), agency.password(), "123456").status())
                .as("a code for an account without one")
                .isEqualTo(401);

        api.enrolSecondFactor(agency.username(), plain.json().getString("access_token"));

        assertThat(api.signIn(agency.username(), agency.password()).error()).isEqualTo("otp_required");
        assertThat(api.signIn(agency.username(), agency.password(), api.nextCode(agency.username()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void badCodes_areClear400s(Api api) {
        Person agency = person(api, "AGENCY_USER", api.newOrganisation("POLICE"));
        String token = api.signIn(agency.username(), agency.password()).json().getString("access_token");
        api.post("/api/v1/auth/totp", token, "{}");

        for (String body : List.of("{}", "{\"otp\":\"\"}", "{\"otp\":\"" + "9".repeat(100) + "\"}", "{\"otp\":12}")) {
            Api.Reply r = api.post("/api/v1/auth/totp/confirm", token, body);
            assertThat(r.status()).as(body).isEqualTo(400);
        }
        assertThat(api.post(
                                "/api/v1/auth/token",
                                null,
                                "{\"username\":\"x\",\"password\":\"y\",\"otp\":\"" + "1".repeat(100) + "\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void failuresFromOneClient_lockOnlyThatClient_notTheAccountsOwnerElsewhere(Api api) {
        Person officer = person(api, "AGENCY_USER", api.newOrganisation("POLICE"));
        Api.Reply last = null;
        for (int i = 0; i < 12; i++) {
            last = api.signInFrom("203.0.113.66", officer.username(), "guess-" + i);
        }
        assertThat(last.status()).as("the guessing client is locked out").isEqualTo(429);
        assertThat(api.signInFrom("203.0.113.66", officer.username(), officer.password())
                        .status())
                .isEqualTo(429);

        assertThat(api.signInFrom("198.51.100.20", officer.username(), officer.password())
                        .status())
                .as("the owner, elsewhere")
                .isEqualTo(200);
    }

    @Test
    void signInAudit_namesTheClient(Api api) {
        Person agency = person(api, "AGENCY_USER", api.newOrganisation("POLICE"));
        Instant before = Instant.now().minusSeconds(2);

        api.signInFrom("192.0.2.44", agency.username(), "wrong password");
        api.signInFrom("192.0.2.45", agency.username(), agency.password());

        List<JsonObject> entries = AuditIT.since(api, api.adminToken(), before, null);
        assertThat(entries)
                .anyMatch(e -> e.getString("action").equals("SIGN_IN_FAILED")
                        && e.getString("details").contains("from 192.0.2.44"));
        assertThat(entries)
                .anyMatch(e -> e.getString("action").equals("SIGN_IN_SUCCEEDED")
                        && e.getString("actor").equals(agency.id())
                        && e.getString("details").contains("from 192.0.2.45"));
    }

    @Test
    void anAdministrator_resetsAnOfficersLostSecondFactor_andTheirNextSignInSetsItUpAgain(Api api) {
        Person officer = person(api, "LSCB_OFFICER", api.newOrganisation("LSCB"));
        String limited =
                api.signIn(officer.username(), officer.password()).json().getString("access_token");
        api.enrolSecondFactor(officer.username(), limited);
        String reset = "/api/v1/accounts/" + officer.id() + "/totp";

        assertThat(api.send("DELETE", reset, api.adminToken(), null, null).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", reset, api.adminToken(), null, null).status())
                .as("nothing left to reset")
                .isEqualTo(404);

        Api.Reply again = api.signIn(officer.username(), officer.password());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("next")).isEqualTo("enrol_totp");
    }

    @Test
    void anOfficer_resetsOnlyTheAgencyStaffOfTheirOwnBoard(Api api) {
        ReviewWorld a = ReviewWorld.create(api);
        api.post(
                "/api/v1/organisations/" + a.board() + "/members",
                api.adminToken(),
                "{\"organisationId\":\"" + a.agencies().get(0) + "\"}");
        Person agency = person(api, "AGENCY_USER", a.agencies().get(0));
        String token = api.signIn(agency.username(), agency.password()).json().getString("access_token");
        api.enrolSecondFactor(agency.username(), token);
        String reset = "/api/v1/accounts/" + agency.id() + "/totp";
        Api.Login otherBoardsOfficer = api.newAccount("LSCB_OFFICER");
        Api.Login fellowOfficer = api.newAccount("LSCB_OFFICER", a.board());

        assertThat(api.send("DELETE", reset, otherBoardsOfficer.token(), null, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", reset, api.newAccount("AGENCY_USER").token(), null, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/accounts/" + fellowOfficer.id() + "/totp",
                                a.officer().token(),
                                null,
                                null)
                        .status())
                .as("an officer's second factor is the administrator's to reset")
                .isEqualTo(403);
        assertThat(api.send("DELETE", reset, a.officer().token(), null, null).status())
                .isEqualTo(204);
        assertThat(api.signIn(agency.username(), agency.password()).status())
                .as("a password alone again")
                .isEqualTo(200);
    }
}
