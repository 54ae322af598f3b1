package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics and the served OpenAPI document (docs/api.md "Operations"). */
@ExtendWith(SharedServer.class)
class OperationsIT {

    @Test
    void health_isUpWithTheDatabaseCheck(Api api) {
        Api.Reply r = api.get("/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"database\"").contains("UP");
    }

    @Test
    void metrics_countSignIns(Api api) {
        Api.Login user = api.newAccount("REVIEWER");
        api.signIn(user.username(), "wrong password!");

        String metrics = api.get("/metrics", api.adminToken()).body();

        assertThat(metrics)
                .contains("lscb_sign_in_succeeded_total")
                .contains("lscb_sign_in_failed_total")
                .contains("lscb_clocks_overdue_total");
    }

    @Test
    void openapi_describesEveryPathOfTheContractBuiltSoFar(Api api) {
        String doc = api.get("/openapi", null).body();

        for (String path : new String[] {
            "/api/v1/auth/token",
            "/api/v1/auth/jwks",
            "/api/v1/me",
            "/api/v1/organisations",
            "/api/v1/accounts",
            "/api/v1/audit",
            "/api/v1/audit/verify",
            "/api/v1/audit/checkpoint",
            "/api/v1/reviewers",
            "/api/v1/reviewers/{id}",
            "/api/v1/reviewers/{id}/evidence",
            "/api/v1/reviewers/{id}/evidence/{eid}/verification",
            "/api/v1/reviewers/{id}/affiliations",
            "/api/v1/reviewers/{id}/interests",
            "/api/v1/reviews",
            "/api/v1/reviews/{id}",
            "/api/v1/reviews/{id}/scr-decision",
            "/api/v1/reviews/{id}/independence/{reviewerId}",
            "/api/v1/reviews/{id}/appointments",
            "/api/v1/reviews/{id}/appointments/{aid}",
            "/api/v1/reviews/{id}/panel-check",
            "/api/v1/reviews/{id}/clocks/{clock}",
            "/api/v1/reviews/{id}/organisations",
            "/api/v1/ca",
            "/api/v1/keys/enrol",
            "/api/v1/keys/mine",
            "/api/v1/keys/{certId}/revoke",
            "/api/v1/keys/{certId}",
            "/api/v1/reviews/{id}/recipients",
            "/api/v1/reviews/{id}/documents",
            "/api/v1/documents/{docId}",
            "/api/v1/documents/{docId}/content",
            "/api/v1/documents/{docId}/recipients",
            "/api/v1/documents/{docId}/receipt",
            "/api/v1/documents/{docId}/receipts",
            "/api/v1/inbox",
            "/api/v1/reviews/{id}/bundle",
            "/api/v1/reviews/{id}/documents/plain"
        }) {
            assertThat(doc).as(path).contains(path + ":");
        }
        assertThat(doc).contains("bearer");
    }

    @Test
    void server_runsOnTheDatabaseTheRunAskedFor(ServerProcess server) throws Exception {
        // a PostgreSQL run that quietly fell back to H2 would prove nothing
        assertThat(server.log())
                .contains(TestDatabase.postgres() ? "Database: jdbc:postgresql:" : "Database: jdbc:h2:file:");
    }

    @Test
    void server_listensOnLoopbackOnly(ServerProcess server) throws Exception {
        assertThat(server.log()).contains("bound to [/127.0.0.1:" + server.port() + "]");
        assumeTrue(ListeningSockets.available(), "the kernel's socket tables are read from Linux's /proc");

        List<InetSocketAddress> listening = ListeningSockets.of(server.pid());

        // docs/security.md N1: without CLUSTER no data grid port either, on any interface
        assertThat(listening).extracting(InetSocketAddress::getPort).containsExactly(server.port());
        assertThat(listening)
                .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress())
                        .as(a.toString())
                        .isTrue());
    }
}
