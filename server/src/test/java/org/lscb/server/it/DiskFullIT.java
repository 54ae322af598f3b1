package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;

/**
 * docs/security.md F3: with no room left for documents (a server told to keep more free space than any disk
 * has), an upload is a clean 507, no temporary file stays, no document row appears, and the server
 * goes on serving everything else.
 */
@ExtendWith(SharedServer.class)
class DiskFullIT {

    @Test
    void noRoomLeft_isAClean507_withNothingKept(Api shared) throws Exception {
        Path data = Files.createTempDirectory("lscb-full").resolve("data");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", shared.adminPassword());
        env.put("DOCUMENTS_MIN_FREE_BYTES", Long.toString(Long.MAX_VALUE / 2));
        try (ServerProcess server = ServerProcess.start(data, env).awaitReady()) {
            Api api = shared.at(server.baseUrl());
            ReviewWorld w = ReviewWorld.create(api);
            String review = w.openScr(3).getString("id");
            KeyHolder.enrol(api, w.officer().token(), "board", false);
            Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
            List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                            "/api/v1/reviews/" + review + "/recipients?format=pem",
                            w.police().token())
                    .body());

            Api.Reply up = api.send(
                    "POST",
                    "/api/v1/reviews/" + review + "/documents?type=IMR&title=Full",
                    w.police().token(),
                    "application/pkcs7-mime",
                    ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(100_000)));
            Api.Reply plain = api.send(
                    "POST",
                    "/api/v1/reviews/" + review + "/documents/plain?type=IMR&title=Full",
                    w.police().token(),
                    "application/octet-stream",
                    ExchangeIT.bytes(1000));

            assertThat(up.status()).as(up.body()).isEqualTo(507);
            assertThat(up.error()).isEqualTo("insufficient_storage");
            assertThat(plain.status()).isEqualTo(507);
            assertThat(api.get(
                                    "/api/v1/reviews/" + review + "/documents",
                                    w.officer().token())
                            .body())
                    .isEqualTo("[]");
            try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
            assertThat(api.get("/api/v1/reviews/" + review, w.officer().token()).status())
                    .isEqualTo(200);
            // both refusals, the envelope and the plain upload, are in the audit log
            assertThat(ReviewsIT.audit(api, review))
                    .filteredOn("DOCUMENT_REFUSED"::equals)
                    .hasSize(2);
        }
    }
}
