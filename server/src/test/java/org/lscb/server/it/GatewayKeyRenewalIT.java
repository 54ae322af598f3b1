package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/ca/gateway-key/renewal} (docs/api.md "Keys and certificates"): an administrator's only, audited. */
@ExtendWith(SharedServer.class)
class GatewayKeyRenewalIT {

    private static final String RENEWAL = "/api/v1/ca/gateway-key/renewal";

    @Test
    void anAdministrator_renews_aNewKeyCertifiedByTheCa_andTheOldOnesSignersStayKnown(Api api) throws Exception {
        Instant before = Instant.now().minusSeconds(5);

        Api.Reply first = api.post(RENEWAL, api.adminToken(), "{\"reason\":\"certificate ends soon\"}");
        Api.Reply second = api.post(RENEWAL, api.adminToken(), "{}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().getString("fingerprint"))
                .isNotEqualTo(first.json().getString("fingerprint"));
        X509Certificate ca =
                KeyHolder.certificates(api.get("/api/v1/ca", null).body()).get(0);
        X509Certificate renewed =
                KeyHolder.certificates(first.json().getString("pem")).get(0);
        renewed.verify(ca.getPublicKey());
        // what the earlier key signed is still checked by its signer's status, as lscb open does for every signer:
        // retired, not revoked; the newest is active
        String reader = api.newAccount("REVIEWER").token();
        Api.Reply earlier = api.get("/api/v1/keys/" + renewed.getSerialNumber().toString(16), reader);
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
        assertThat(earlier.json().getString("status")).isEqualTo("RETIRED");
        String newest = KeyHolder.certificates(second.json().getString("pem"))
                .get(0)
                .getSerialNumber()
                .toString(16);
        assertThat(api.get("/api/v1/keys/" + newest, reader).json().getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(AuditIT.since(api, api.adminToken(), before, null)).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("GATEWAY_KEY_RENEWED");
            assertThat(e.getString("objectId")).isEqualTo(first.json().getString("fingerprint"));
            assertThat(e.getString("details")).contains("certificate ends soon");
        });
    }

    @Test
    void everyOtherRole_is403(Api api) {
        for (String role : List.of(
                "LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER")) {
            Api.Reply r = api.post(RENEWAL, api.newAccount(role).token(), "{}");

            assertThat(r.status()).as(role + ": " + r.body()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("forbidden");
        }
    }

    @Test
    void badBodies_areClear400s(Api api) {
        String admin = api.adminToken();

        Api.Reply unknownField = api.post(RENEWAL, admin, "{\"curve\":\"P-521\"}");
        Api.Reply tooLong = api.post(RENEWAL, admin, "{\"reason\":\"" + "x".repeat(501) + "\"}");
        Api.Reply text = api.send("POST", RENEWAL, admin, "text/plain", "renew".getBytes());

        assertThat(unknownField.status()).as(unknownField.body()).isEqualTo(400);
        assertThat(unknownField.error()).isEqualTo("invalid_request");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getJsonObject("details").getString("field")).isEqualTo("reason");
        assertThat(text.status()).isEqualTo(415);
    }
}
