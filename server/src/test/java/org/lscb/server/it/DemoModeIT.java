package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --demo} seeds the demo accounts of API.md on an empty embedded database, and is refused on
 * a database that holds other data or on a production (PostgreSQL) database.
 */
class DemoModeIT {

    @Test
    void demoMode_seedsTheDocumentedLogins_orIsRefusedOnProduction() throws Exception {
        Path base = Files.createTempDirectory("lscb-demo");
        if (TestDatabase.postgres()) {
            Map<String, String> env = TestDatabase.serverEnvironment();
            try (ServerProcess server = ServerProcess.start(base.resolve("data"), env, "--demo")) {
                assertThat(server.awaitExit(Duration.ofSeconds(180))).isNotZero();
                assertThat(server.log()).contains("demo mode is refused on a production database");
            }
            return;
        }
        try (ServerProcess server = ServerProcess.start(base.resolve("data"), Map.of(), "--demo").awaitReady()) {
            Api api = new Api(server.baseUrl(), "admin");
            for (String name : new String[] {"admin", "officer", "police", "health", "socialcare", "reviewer1", "reviewer2",
                "paediatrician", "coroner"}) {
                assertThat(api.signIn(name, name).status()).as(name).isEqualTo(200);
            }
            Api.Reply me = api.get("/api/v1/me", api.token("officer", "officer"));
            assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("LSCB_OFFICER");
            assertThat(api.get("/api/v1/audit/verify", api.token("officer", "officer")).json().getBoolean("valid")).isTrue();
            assertThat(server.log()).contains("Demo logins (password = username): admin, officer");
            var register = api.get("/api/v1/reviewers?size=1", api.token("officer", "officer")).json();
            assertThat(register.getJsonNumber("total").longValue()).isEqualTo(42);
            var rowan = api.get("/api/v1/reviewers?q=Rowan", api.token("officer", "officer")).json();
            assertThat(rowan.getJsonArray("hits").getJsonObject(0).getBoolean("qualified")).isTrue();
        }
    }

    @Test
    void demoMode_isRefusedOnADatabaseWithOtherData() throws Exception {
        if (TestDatabase.postgres()) {
            return; // covered above: PostgreSQL is production and refused before anything else
        }
        Path data = Files.createTempDirectory("lscb-demo-refused").resolve("data");
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_PASSWORD", "a-long-enough-admin-password");
        try (ServerProcess first = ServerProcess.start(data, env).awaitReady()) {
            assertThat(new Api(first.baseUrl(), "a-long-enough-admin-password").adminToken()).isNotBlank();
        }
        try (ServerProcess second = ServerProcess.start(data, Map.of(), "--demo")) {
            assertThat(second.awaitExit(Duration.ofSeconds(180))).isNotZero();
            assertThat(second.log()).contains("already holds data that is not demo data");
        }
    }
}
