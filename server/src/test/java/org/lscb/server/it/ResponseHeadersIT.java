package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of answer carries the security headers and names no server software: the token answer,
 * an API read, the API's own errors, the container's error pages, the malformed-request screen, and
 * what Payara serves inside the application ({@code /health}, {@code /metrics}, {@code /openapi}).
 */
@ExtendWith(SharedServer.class)
class ResponseHeadersIT {

    /** One call of an endpoint family: the status it must answer and its headers, names in lower case. */
    private record Answer(int status, Map<String, List<String>> headers) {
        static Answer of(Api.Reply r) {
            return of(r.status(), r.headers());
        }

        static Answer of(int status, HttpHeaders h) {
            Map<String, List<String>> m = new TreeMap<>();
            h.map().forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(status, m);
        }

        static Answer of(RawHttp.Reply r) {
            return new Answer(r.status(), r.headers());
        }

        String first(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointFamily_carriesTheSecurityHeaders_andNoServerName(Api api) {
        Api.Login reviewer = api.newAccount("REVIEWER");
        String admin = api.adminToken();
        RawHttp raw = RawHttp.to(api.baseUrl());
        Map<String, Supplier<Answer>> calls = new java.util.LinkedHashMap<>();
        calls.put("200 POST /auth/token", () -> Answer.of(api.signIn(reviewer.username(), reviewer.password())));
        calls.put("200 GET /api/v1/me", () -> Answer.of(api.get("/api/v1/me", reviewer.token())));
        calls.put(
                "404 GET /api/v1/reviews/{unknown}",
                () -> Answer.of(api.get("/api/v1/reviews/" + java.util.UUID.randomUUID(), reviewer.token())));
        calls.put("404 GET /no-such-page (a page)", () -> Answer.of(api.get("/no-such-page", null)));
        calls.put("200 GET /sign-in (a page)", () -> Answer.of(api.get("/sign-in", null)));
        calls.put("303 GET / without a session (a page)", () -> Answer.of(api.get("/", null)));
        calls.put("401 GET /api/v1/me without a token", () -> Answer.of(api.get("/api/v1/me", null)));
        calls.put("401 GET /api/v1/me with a refused token", () -> Answer.of(api.get("/api/v1/me", "not-a-token")));
        calls.put(
                "403 GET /api/v1/accounts as a reviewer",
                () -> Answer.of(api.get("/api/v1/accounts", reviewer.token())));
        calls.put(
                "405 DELETE /api/v1/me",
                () -> Answer.of(api.send("DELETE", "/api/v1/me", reviewer.token(), null, null)));
        calls.put(
                "415 POST /api/v1/organisations as text",
                () -> Answer.of(api.send(
                        "POST", "/api/v1/organisations", admin, "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
        calls.put("400 GET a malformed URI", () -> Answer.of(raw.get("/api/v1/reviews/%zz")));
        calls.put(
                "200 GET /api/v1/public/reports without a token",
                () -> Answer.of(api.get("/api/v1/public/reports", null)));
        calls.put(
                "404 GET /api/v1/public/reports/{id}/content of no report",
                () -> Answer.of(api.get("/api/v1/public/reports/" + java.util.UUID.randomUUID() + "/content", null)));
        calls.put("200 GET /library without a session (a page)", () -> Answer.of(api.get("/library", null)));
        calls.put("200 GET /health", () -> Answer.of(api.get("/health", null)));
        calls.put("200 GET /metrics", () -> Answer.of(api.get("/metrics", admin)));
        calls.put("401 GET /metrics", () -> Answer.of(api.get("/metrics", null)));
        calls.put("200 GET /openapi", () -> Answer.of(api.get("/openapi", null)));
        return calls.entrySet().stream()
                .map(call -> DynamicTest.dynamicTest(call.getKey(), () -> {
                    Answer a = call.getValue().get();

                    assertThat(a.status())
                            .isEqualTo(Integer.parseInt(call.getKey().substring(0, 3)));
                    assertThat(a.first("x-content-type-options")).isEqualTo("nosniff");
                    assertThat(a.first("cache-control")).isEqualTo("no-store");
                    assertThat(a.first("referrer-policy")).isEqualTo("no-referrer");
                    assertThat(a.first("content-security-policy"))
                            .isEqualTo(
                                    call.getKey().endsWith("(a page)")
                                            ? "default-src 'none'; script-src 'self' " + importMapSource(api)
                                                    + "; style-src 'self'; img-src"
                                                    + " 'self'; font-src 'self'; connect-src 'self'; manifest-src"
                                                    + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri"
                                                    + " 'none'"
                                            : "default-src 'none'; frame-ancestors 'none'; base-uri 'none';"
                                                    + " form-action 'none'");
                    assertThat(a.first("x-frame-options")).isEqualTo("DENY");
                    // no script runs without integrity metadata, in browsers that know the header (security.md E1)
                    assertThat(a.first("integrity-policy")).isEqualTo("blocked-destinations=(script)");
                    assertThat(a.headers()).doesNotContainKeys("server", "x-powered-by");
                }));
    }

    /**
     * The CSP source of the pages' one inline script, the import map, computed here from the map a page carries:
     * the policy must name exactly that digest, or browsers would refuse the map and every module with it.
     */
    private static String importMapSource(Api api) throws Exception {
        String page = api.get("/sign-in", null).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script type=\"importmap\">(.*?)</script>")
                .matcher(page);
        assertThat(m.find()).as("the sign-in page carries the import map").isTrue();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(m.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
    }
}
