package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without {@code PUBLIC_BASE_URL} a {@code Location} is path-absolute: JAX-RS would otherwise resolve it against
 * the request, forged {@code Host} and all. A server of its own, since the shared one has a base URL configured.
 */
@ExtendWith(SharedServer.class)
class LocationWithoutBaseUrlIT {

    @Test
    void aForgedHost_getsAPathAbsoluteLocation(Api shared) throws Exception {
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", shared.adminPassword());
        try (ServerProcess server = ServerProcess.start(
                        Files.createTempDirectory("lscb-location").resolve("data"), env)
                .awaitReady()) {
            Api api = shared.at(server.baseUrl());
            byte[] body = Json.createObjectBuilder()
                    .add("name", "Forged host " + Api.unique())
                    .add("kind", "HEALTH")
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);

            RawHttp.Reply r = RawHttp.to(server.baseUrl())
                    .send(
                            "POST",
                            "/api/v1/organisations",
                            body,
                            "Host: evil.example",
                            "Authorization: Bearer " + api.adminToken(),
                            "Content-Type: application/json");

            assertThat(r.status()).isEqualTo(201);
            assertThat(r.header("Location"))
                    .isEqualTo("/api/v1/organisations/" + r.json().getString("id"));
        }
    }
}
