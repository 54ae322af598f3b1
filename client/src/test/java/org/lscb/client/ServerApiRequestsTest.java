package org.lscb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's small requests and streamed uploads over {@code HttpURLConnection}: the bearer token goes
 * to the configured server only (a redirect is not followed), and a refusal of a streamed body is the
 * same one-sentence error as any other.
 */
class ServerApiRequestsTest {

    private HttpServer server;
    private final AtomicReference<String> authorisationSeenElsewhere = new AtomicReference<>();
    private final AtomicReference<Upload> uploaded = new AtomicReference<>();

    /** What the server saw of an upload. */
    private record Upload(String contentDigest, String contentType, byte[] body) {}

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders()
                    .add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/elsewhere", ex -> {
            authorisationSeenElsewhere.set(ex.getRequestHeaders().getFirst("Authorization"));
            answer(ex, 200, "{}");
        });
        server.createContext("/json", ex -> answer(ex, 200, "{\"ok\":true}"));
        server.createContext("/upload", ex -> {
            uploaded.set(new Upload(
                    ex.getRequestHeaders().getFirst("Content-Digest"),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestBody().readAllBytes()));
            answer(ex, 201, "{\"id\":\"d1\"}");
        });
        server.createContext("/refused", ex -> {
            // the body is read first: this stand-in would otherwise close the connection under a body still being
            // written, after which HttpURLConnection reads no answer at all; this test is about the sentence a 401
            // makes
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            answer(ex, 401, "{\"error\":\"unauthorised\",\"message\":\"the sign-in expired\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aJsonAnswer_isRead() {
        assertThat(api().get("/json").asJsonObject().getBoolean("ok")).isTrue();
    }

    @Test
    void aRedirect_isNotFollowed_soTheTokenGoesNowhereElse() {
        assertThatThrownBy(() -> api().get("/moved"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("302");
        assertThat(authorisationSeenElsewhere.get()).isNull();
    }

    @Test
    void a401_toASmallRequest_saysToSignInAgain() {
        assertThatThrownBy(() -> api().get("/refused"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("lscb login")
                .hasMessageContaining("the sign-in expired");
    }

    @Test
    void a401_toAStreamedBody_saysToSignInAgain() {
        byte[] body = new byte[3 << 20];
        assertThatThrownBy(() -> api().postWithDigest(
                                "/refused", "application/pkcs7-mime", "sha-256=:AA==:", new ByteArrayInputStream(body)))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("lscb login");
    }

    @Test
    void anUpload_carriesItsContentDigest_beforeTheBody() {
        byte[] body = new byte[(3 << 20) + 17];
        new java.util.Random(1).nextBytes(body);

        api().postWithDigest("/upload", "application/pkcs7-mime", "sha-256=:given:", new ByteArrayInputStream(body));

        assertThat(uploaded.get().contentDigest()).isEqualTo("sha-256=:given:");
        assertThat(uploaded.get().contentType()).isEqualTo("application/pkcs7-mime");
        assertThat(uploaded.get().body()).isEqualTo(body);
    }

    private ServerApi api() {
        return new ServerApi("http://127.0.0.1:" + server.getAddress().getPort(), "a-token");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String json)
            throws java.io.IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
