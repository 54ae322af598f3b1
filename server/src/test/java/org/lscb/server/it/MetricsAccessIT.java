package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics} answers administrators and the scrape token only; {@code /health} and {@code /openapi} stay public. */
@ExtendWith(SharedServer.class)
class MetricsAccessIT {

    @Test
    void anonymous_is401InTheErrorShape(Api api) {
        Api.Reply r = api.get("/metrics", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthorized");
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("Bearer"));
        assertThat(r.body()).doesNotContain("lscb_");
    }

    @Test
    void anAdministrator_readsTheMetrics(Api api) {
        Api.Reply r = api.get("/metrics", api.adminToken());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("lscb_sign_in_succeeded_total");
    }

    @Test
    void anyOtherSignedInRole_is403_andAudited(Api api) {
        Instant before = Instant.now().minusSeconds(5);
        Api.Login officer = api.newAccount("LSCB_OFFICER");

        Api.Reply r = api.get("/metrics", officer.token());

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("forbidden");
        assertThat(r.body()).doesNotContain("lscb_");
        assertThat(AuditIT.since(api, api.adminToken(), before, null).stream()
                        .anyMatch(e -> e.getString("action").equals("ACCESS_REFUSED")
                                && e.getString("actor").equals(officer.id())
                                && e.getString("objectId").equals("GET /metrics")))
                .isTrue();
    }

    @Test
    void theScrapeToken_readsTheMetrics_asBasicCredentials(Api api) {
        RawHttp.Reply r = RawHttp.to(api.baseUrl())
                .get("/metrics", "Authorization: " + basic("metrics", SharedServer.METRICS_TOKEN));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("lscb_sign_in_succeeded_total");
    }

    @Test
    void aWrongScrapeToken_is401(Api api) {
        RawHttp.Reply r = RawHttp.to(api.baseUrl())
                .get("/metrics/application", "Authorization: " + basic("metrics", SharedServer.METRICS_TOKEN + "x"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthorized");
    }

    @Test
    void healthAndOpenapi_stayPublic(Api api) {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/openapi", null).status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
