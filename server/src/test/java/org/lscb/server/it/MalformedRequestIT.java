package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A malformed request URI or an oversized header block is answered 400/414/431 in the JSON error shape,
 * with no stack trace in the log, and the server goes on serving. Sent by hand: no HTTP client sends these.
 */
@ExtendWith(SharedServer.class)
class MalformedRequestIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/reviews/%zz", // not an escape: answered 200 with an empty body before
                "/api/v1/reviews/%", // an escape cut short
                "/api/v1/reviews/a%00b", // NUL
                "/api/v1/reviews/%ff", // not UTF-8
                "/api/v1/reviews/a%5Cb", // an encoded backslash
                "/api/../../etc/passwd", // above the root
                "/metrics/%zz", // what Payara serves is screened too
                "/api/v1/reviewers?q=%zz", // in the query
            })
    void malformedUri_is400InTheErrorShape(String target, Api api) {
        RawHttp.Reply r = RawHttp.to(api.baseUrl()).get(target, "Authorization: Bearer " + api.adminToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("malformed_uri");
        assertThat(r.json().getString("message")).isNotBlank();
        assertThat(r.json().getJsonObject("details")).isEmpty();
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void aQueryOf200Kilobytes_is414(Api api) {
        RawHttp.Reply r = RawHttp.to(api.baseUrl()).get("/api/v1/reviewers?q=" + "a".repeat(200_000));

        assertThat(r.status()).isEqualTo(414);
        assertThat(r.error()).isEqualTo("uri_too_long");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void aBearerTokenOf100Kilobytes_is431(Api api) {
        RawHttp.Reply r = RawHttp.to(api.baseUrl()).get("/api/v1/me", "Authorization: Bearer " + "b".repeat(100_000));

        assertThat(r.status()).isEqualTo(431);
        assertThat(r.error()).isEqualTo("headers_too_large");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void malformedRequests_leaveNoStackTraceInTheLog(Api api, ServerProcess server) throws Exception {
        RawHttp raw = RawHttp.to(api.baseUrl());
        raw.get("/api/v1/reviews/%zz");
        raw.get("/api/v1/reviews/%");
        raw.get("/api/v1/reviews/a%00b");
        raw.get("/api/v1/me", "Authorization: Bearer " + "b".repeat(100_000));

        ServerLog.awaitMarker(api, server);

        assertThat(server.log())
                .doesNotContain("URLDecoder")
                .doesNotContain("Unexpected termination")
                .doesNotContain("An exception or error occurred in the container");
    }
}
