package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets a 400 in the one error shape, nothing is stored, and the server keeps serving
 * (docs/security.md B11, B12).
 */
@ExtendWith(SharedServer.class)
class BadInputIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"name\":", // malformed
                "{\"name\":\"a\",\"name\":\"b\",\"kind\":\"POLICE\"}", // duplicate keys
                "{\"name\":{\"x\":1},\"kind\":\"POLICE\"}", // object where text belongs
                "{\"name\":12,\"kind\":\"POLICE\"}", // number where text belongs
                "{\"name\":1e999999999,\"kind\":\"POLICE\"}", // huge number
                "{\"name\":\"ok\",\"kind\":[\"POLICE\"]}", // list where text belongs
                "{\"name\":\"ok\",\"kind\":\"NOT_A_KIND\"}", // unknown enum value
                "{\"name\":\"\",\"kind\":\"POLICE\"}", // empty required text
                "{\"name\":\"line\\r\\nbreak\",\"kind\":\"POLICE\"}", // CR/LF in a name
                "[1,2,3]", // not an object
                "\"text\"",
                "{\"name\":\"Trailing\",\"kind\":\"POLICE\"} x", // something after the object
                "{\"name\":\"Twice\",\"kind\":\"POLICE\"}{\"name\":\"Again\",\"kind\":\"POLICE\"}", // two objects
                "{\"name\":\"Comma\",\"kind\":\"POLICE\"},", // a stray comma after it
            })
    void badOrganisationBody_is400AndStoresNothing(String body, Api api) {
        String admin = api.adminToken();
        long before = organisationCount(api, admin);

        Api.Reply r = api.post("/api/v1/organisations", admin, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
        assertThat(r.json().getString("message")).isNotBlank();
        assertThat(organisationCount(api, admin)).isEqualTo(before);
    }

    @Test
    void jsonNested10000Deep_is400(Api api) {
        String deep = "{\"name\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"kind\":\"POLICE\"}";

        Api.Reply r = api.post("/api/v1/organisations", api.adminToken(), deep);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void overlongName_is400NamingTheField(Api api) {
        String body = "{\"name\":\"" + "x".repeat(5_000) + "\",\"kind\":\"POLICE\"}";

        Api.Reply r = api.post("/api/v1/organisations", api.adminToken(), body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("name");
    }

    @Test
    void bodyOverTheLimit_is413(Api api) {
        String body = "{\"name\":\"" + "x".repeat(400_000) + "\",\"kind\":\"POLICE\"}";

        Api.Reply r = api.post("/api/v1/organisations", api.adminToken(), body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isEqualTo("too_large");
    }

    @Test
    void wrongMediaType_is415(Api api) {
        Api.Reply r = api.send(
                "POST",
                "/api/v1/organisations",
                api.adminToken(),
                "text/plain",
                "name=x".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.error()).isEqualTo("unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "size=abc",
                "size=0",
                "size=101",
                "size=99999999999999999999",
                "page=-1",
                "page=1e3",
                "size=1%27%20OR%20%271%27=%271"
            })
    void badPaging_is400NamingTheField(String query, Api api) {
        Api.Reply r = api.get("/api/v1/accounts?" + query, api.adminToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isIn("page", "size");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"username\":\"Bad Name\",\"displayName\":\"x\",\"roles\":[\"REVIEWER\"]}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":[\"EMPEROR\"]}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":[]}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":\"REVIEWER\"}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":[\"REVIEWER\"],\"password\":\"short\"}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":[\"REVIEWER\"],\"organisationId\":\"no-such-org\"}",
                "{\"username\":\"okname\",\"displayName\":\"x\",\"roles\":[\"REVIEWER\"]}"
            })
    void badAccountBody_is400(String body, Api api) {
        Api.Reply r = api.post("/api/v1/accounts", api.adminToken(), body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
    }

    @Test
    void unknownIds_are404InTheErrorShape(Api api) {
        String admin = api.adminToken();

        assertThat(api.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000", admin)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/%27%3B%20DROP%20TABLE%20account%3B--", admin)
                        .error())
                .isEqualTo("not_found");
        assertThat(api.get("/api/v1/no-such-thing", admin).error()).isEqualTo("not_found");
    }

    @Test
    void badSignInBodies_are400(Api api) {
        assertThat(api.post("/api/v1/auth/token", null, "{\"username\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/auth/token", null, "{\"password\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/auth/token", null, "{\"username\":1,\"password\":2}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/auth/token", null, "").status()).isEqualTo(400);
    }

    private static long organisationCount(Api api, String token) {
        return api.get("/api/v1/organisations?size=1", token)
                .json()
                .getJsonNumber("total")
                .longValue();
    }
}
