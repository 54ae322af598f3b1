package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent(Api api) throws IOException {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");

        String answer = postHeadOnly(
                api, "/api/v1/reviews/" + id + "/publication", w.officer().token(), "Content-Length: 500000000");

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
                api, "/api/v1/reviews/" + id + "/publication", w.officer().token(), "Transfer-Encoding: chunked");

        assertThat(answer).startsWith("HTTP/1.1 411");
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    /** Sends the head and the form's first field, never the rest, and reads the answer. */
    private static String postHeadOnly(Api api, String path, String token, String framing) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            String firstPart =
                    "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nA title\r\n";
            boolean chunked = framing.startsWith("Transfer-Encoding");
            String body = chunked ? Integer.toHexString(firstPart.length()) + "\r\n" + firstPart + "\r\n" : firstPart;
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + framing + "\r\nConnection: close\r\n\r\n";
            out.write((head + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(UploadLimitsIT.readAll(s.getInputStream()), StandardCharsets.UTF_8);
        }
    }
}
