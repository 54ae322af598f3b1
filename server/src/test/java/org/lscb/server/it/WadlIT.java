package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jersey's WADL is off: the API is described at /openapi only. */
@ExtendWith(SharedServer.class)
class WadlIT {

    @Test
    void applicationWadl_is404InTheErrorShape(Api api) {
        for (String token : new String[] {null, api.adminToken()}) {
            for (String path : new String[] {"/api/v1/application.wadl", "/api/v1/application.wadl?detail=true"}) {
                Api.Reply r = api.get(path, token);

                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.error()).isEqualTo("not_found");
            }
        }
    }

    @Test
    void optionsOnAResource_answersTheMethods_notWadl(Api api) {
        Api.Reply r = api.send(
                "OPTIONS", "/api/v1/reviews", api.newAccount("LSCB_OFFICER").token(), null, null);

        assertThat(r.status()).isBetween(200, 204);
        assertThat(r.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("wadl");
        assertThat(r.body()).doesNotContain("<application").doesNotContain("wadl");
    }
}
