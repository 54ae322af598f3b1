package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A {@code Location} is built from the configured public base URL, never from what the caller says the host is. */
@ExtendWith(SharedServer.class)
class LocationIT {

    @Test
    void aForgedHost_doesNotReachTheLocation(Api api) {
        byte[] body = Json.createObjectBuilder()
                .add("name", "Forged host " + Api.unique())
                .add("kind", "POLICE")
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);

        RawHttp.Reply r = RawHttp.to(api.baseUrl())
                .send(
                        "POST",
                        "/api/v1/organisations",
                        body,
                        "Host: evil.example",
                        "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Proto: http",
                        "Forwarded: host=evil.example",
                        "Authorization: Bearer " + api.adminToken(),
                        "Content-Type: application/json");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location"))
                .doesNotContain("evil.example")
                .isEqualTo(SharedServer.PUBLIC_BASE_URL + "/api/v1/organisations/"
                        + r.json().getString("id"));
    }

    @Test
    void theLocationOfACreatedAccount_isUnderThePublicBaseUrl(Api api) {
        String org = api.newOrganisation("POLICE");
        String body = Json.createObjectBuilder()
                .add("username", "u" + Api.unique())
                .add("displayName", "Located")
                .add("roles", Json.createArrayBuilder().add("AGENCY_USER"))
                .add("organisationId", org)
                .add("password", "pw-" + java.util.UUID.randomUUID())
                .build()
                .toString();

        Api.Reply r = api.post("/api/v1/accounts", api.adminToken(), body);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location"))
                .hasValue(SharedServer.PUBLIC_BASE_URL + "/api/v1/accounts/"
                        + r.json().getString("id"));
    }
}
