package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/v1/auth/signing-keys/rotation} (docs/api.md "Authentication"): an administrator's only, audited;
 * anyone else and any bad body changes no key. Two servers sharing the keys are {@code SharedKeysIT}.
 */
@ExtendWith(SharedServer.class)
class SigningKeyRotationIT {

    static final String ROTATION = "/api/v1/auth/signing-keys/rotation";

    @Test
    void anAdministrator_rotates_newTokensAreSignedByTheNewKey_andOldOnesStillWork(Api api) throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        Api.Login earlier = api.newAccount("REVIEWER");

        Api.Reply r = api.post(ROTATION, api.adminToken(), "{\"reason\":\"yearly rotation\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String keyId = r.json().getString("keyId");
        assertThat(r.json().getInt("version")).isGreaterThanOrEqualTo(2);
        assertThat(publishedKeyIds(api)).contains(keyId).contains(keyIdOf(earlier.token()));
        Api.Login later = api.newAccount("REVIEWER");
        assertThat(keyIdOf(later.token())).isEqualTo(keyId);
        assertThat(api.get("/api/v1/me", later.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", earlier.token()).status()).isEqualTo(200);
        assertThat(AuditIT.since(api, api.adminToken(), before, null)).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("SIGNING_KEY_ROTATED");
            assertThat(e.getString("objectId")).isEqualTo(keyId);
            assertThat(e.getString("details")).contains("yearly rotation");
        });
    }

    @Test
    void everyOtherRole_is403_audited_andNoKeyIsMade(Api api) {
        Instant before = Instant.now().minusSeconds(5);
        List<String> keysBefore = publishedKeyIds(api);
        for (String role : List.of(
                "LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER")) {
            Api.Login caller = api.newAccount(role);

            Api.Reply r = api.post(ROTATION, caller.token(), "{}");

            assertThat(r.status()).as(role + ": " + r.body()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("forbidden");
            assertThat(AuditIT.since(api, api.adminToken(), before, null))
                    .as(role)
                    .anySatisfy(e -> {
                        assertThat(e.getString("action")).isEqualTo("ACCESS_REFUSED");
                        assertThat(e.getString("actor")).isEqualTo(caller.id());
                    });
        }
        assertThat(publishedKeyIds(api)).isEqualTo(keysBefore);
    }

    @Test
    void anotherBoardsOfficer_is403(Api api) {
        TwoBoards boards = TwoBoards.create(api, false);
        List<String> keysBefore = publishedKeyIds(api);

        Api.Reply r = api.post(ROTATION, boards.officerB().token(), "{}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("forbidden");
        assertThat(publishedKeyIds(api)).isEqualTo(keysBefore);
    }

    @Test
    void noToken_is401(Api api) {
        Api.Reply r = api.post(ROTATION, null, "{}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthorized");
    }

    @Test
    void badBodies_areClear400s_and415_andNoKeyIsMade(Api api) {
        List<String> keysBefore = publishedKeyIds(api);
        String admin = api.adminToken();

        Api.Reply unknownField = api.post(ROTATION, admin, "{\"reason\":\"x\",\"keyId\":\"mine\"}");
        Api.Reply tooLong = api.post(ROTATION, admin, "{\"reason\":\"" + "x".repeat(501) + "\"}");
        Api.Reply control = api.post(ROTATION, admin, "{\"reason\":\"a\\u0007b\"}");
        Api.Reply wrongType = api.post(ROTATION, admin, "{\"reason\":42}");
        Api.Reply notJson = api.post(ROTATION, admin, "{\"reason\":");
        Api.Reply text = api.send("POST", ROTATION, admin, "text/plain", "rotate".getBytes());
        Api.Reply get = api.get(ROTATION, admin);

        for (Api.Reply r : List.of(unknownField, tooLong, control, wrongType, notJson)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid_request");
        }
        assertThat(tooLong.json().getJsonObject("details").getString("field")).isEqualTo("reason");
        assertThat(unknownField.body()).contains("keyId");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error()).isEqualTo("unsupported_media_type");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.error()).isEqualTo("method_not_allowed");
        assertThat(publishedKeyIds(api)).isEqualTo(keysBefore);
    }

    static List<String> publishedKeyIds(Api api) {
        Api.Reply jwks = api.get("/api/v1/auth/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        return jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid"))
                .sorted()
                .toList();
    }

    static String keyIdOf(String token) throws java.text.ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
