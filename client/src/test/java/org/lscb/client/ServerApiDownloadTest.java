package org.lscb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download lands whole under its name, or not at all: a body shorter than its stated length is refused. */
class ServerApiDownloadTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final byte[] body = new byte[300_000];

    @BeforeEach
    void start() throws Exception {
        new Random(1).nextBytes(body);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whole", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/cut", ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            ex.getHttpContext().getServer().stop(0); // the connection drops half way
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aWholeBody_landsUnderItsName() {
        long n = api().download("/whole", dir.resolve("doc.p7m"), new Progress(true));

        assertThat(n).isEqualTo(body.length);
        assertThat(dir.resolve("doc.p7m")).hasBinaryContent(body);
    }

    @Test
    void aBodyCutOffBeforeItsLength_isRefused_andNothingIsKept() throws Exception {
        assertThatThrownBy(() -> api().download("/cut", dir.resolve("doc.p7m"), new Progress(true)))
                .isInstanceOf(ClientException.class);

        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private ServerApi api() {
        return new ServerApi("http://127.0.0.1:" + server.getAddress().getPort(), "token");
    }
}
