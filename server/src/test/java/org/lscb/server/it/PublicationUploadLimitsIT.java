package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * A publication's upload is refused by its declared length before the multipart reader reads it (docs/api.md
 * "Publication": {@code 413 too_large} over the limit, {@code 411} without a length), so a caller cannot make the
 * server keep an oversize or endless body on disk. Each request sends its head and a first part only, and the answer
 * must come while the rest of the declared body has not been sent: a server that waited for the body would never
 * answer, and the socket's time-out fails the test.
 */
@ExtendWith(SharedServer.class)
class PublicationUploadLimitsIT {

    private static final String BOUNDARY = "limits-boundary";
    private static final String TITLE = part("title", "A title");

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent(Api api) throws IOException {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");

        String answer = postHeadOnly(
                api,
                "/api/v1/reviews/" + id + "/publication",
                "Authorization: Bearer " + w.officer().token(),
                TITLE,
                "Content-Length: 500000000");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"too_large\"");
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aChunkedBodyWithoutALengthIsRefusedBeforeItEnds(Api api) throws IOException {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");

        String answer = postHeadOnly(
                api,
                "/api/v1/reviews/" + id + "/publication",
                "Authorization: Bearer " + w.officer().token(),
                TITLE,
                "Transfer-Encoding: chunked");

        assertThat(answer).startsWith("HTTP/1.1 411");
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    /**
     * The page's upload is bounded as the API's is: its first field, the session's CSRF token, and more than the 4 KiB
     * that {@code CsrfFilter} reads are sent, never the rest.
     */
    @Test
    void thePagesUploadDeclaredOverTheLimitIsRefusedBeforeItIsSent(Api api) throws IOException {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        PageClient officer = new PageClient(api.baseUrl());
        officer.signIn(
                w.officer().username(),
                w.officer().password(),
                () -> api.signInCode(w.officer().username()));
        String path = "/reviews/" + id + "/publication";
        String csrf = officer.csrfOf(path);

        String answer = postHeadOnly(
                api,
                path,
                "Cookie: " + officer.cookieHeader(),
                part("csrf", csrf) + part("title", "A title ".repeat(1000)),
                "Content-Length: 500000000");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** Sends the head and the form's first fields, never the rest, and reads the answer. */
    private static String postHeadOnly(Api api, String path, String credentials, String firstPart, String framing)
            throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            boolean chunked = framing.startsWith("Transfer-Encoding");
            String body = chunked ? Integer.toHexString(firstPart.length()) + "\r\n" + firstPart + "\r\n" : firstPart;
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + credentials + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + framing + "\r\nConnection: close\r\n\r\n";
            out.write((head + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return UploadLimitsIT.readAnswer(s.getInputStream());
        }
    }
}
