package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /**
     * A client that stops sending in the middle of a JSON body, saying it has sent all (half-closing its side), is a
     * client's failure: no stack trace, no "internal error" incident in the log, and the server goes on serving.
     */
    @Test
    void aJsonBodyCutShortByTheClient_isNoInternalError(Api api, ServerProcess server) throws Exception {
        int logBefore = server.log().length();
        URI uri = URI.create(api.baseUrl());
        String head = "POST /api/v1/organisations HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + api.adminToken() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n"
                + "{\"name\":\"Cut sho";
        String reply;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        ServerLog.awaitMarker(api, server);

        assertThat(reply).doesNotStartWith("HTTP/1.1 5");
        assertThat(server.log().substring(logBefore))
                .doesNotContain("internal error")
                .doesNotContain("SEVERE");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }
}
