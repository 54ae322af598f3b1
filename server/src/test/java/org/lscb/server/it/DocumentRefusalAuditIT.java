package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * docs/security.md: a request outside the access policy, or bad input where it touches a review, is refused
 * and leaves a line in the audit log. These are the refusals that once left none.
 */
@ExtendWith(SharedServer.class)
class DocumentRefusalAuditIT {

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private Identity board;
    private String docId;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        board = KeyHolder.enrol(api, w.officer().token(), "board", false);
        Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        Api.Reply up = api.send(
                "POST",
                "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=Audited",
                w.police().token(),
                "application/pkcs7-mime",
                ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(300)));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        docId = up.json().getString("id");
    }

    @Test
    void refusedGrants_areAudited() throws Exception {
        Identity outsider = KeyHolder.enrol(api, api.newAccount("REVIEWER").token(), null, false);
        byte[] envelope = api.getBytes(
                        "/api/v1/documents/" + docId + "/content", w.officer().token())
                .body();
        byte[] toStranger =
                Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(outsider.certificate()));

        Api.Reply stranger = grant(toStranger);
        Api.Reply junk = grant("junk".getBytes());

        assertThat(stranger.status()).as(stranger.body()).isEqualTo(400);
        assertThat(junk.status()).as(junk.body()).isEqualTo(415);
        assertThat(actionsOn(docId))
                .filteredOn("DOCUMENT_GRANT_REFUSED"::equals)
                .hasSize(2);
    }

    @Test
    void aRefusedMetadataRead_isAudited() {
        Api.Login otherAgencysUser = api.newAccount("AGENCY_USER", w.agencies().get(1));

        Api.Reply metadata = api.get("/api/v1/documents/" + docId, otherAgencysUser.token());
        Api.Reply receipts = api.get("/api/v1/documents/" + docId + "/receipts", otherAgencysUser.token());

        assertThat(metadata.status()).isEqualTo(404);
        assertThat(receipts.status()).isEqualTo(404);
        assertThat(actionsOn(docId))
                .filteredOn("DOCUMENT_ACCESS_REFUSED"::equals)
                .hasSize(2);
    }

    @Test
    void aRefusedRevocation_isAudited_andRevokesNothing() throws Exception {
        Identity reviewers = KeyHolder.enrol(api, api.newAccount("REVIEWER").token(), null, false);
        String certId = reviewers.certificate().getSerialNumber().toString(16);

        Api.Reply byAnotherAccount =
                api.post("/api/v1/keys/" + certId + "/revoke", w.police().token(), "");

        assertThat(byAnotherAccount.status()).isEqualTo(404);
        assertThat(actionsOn(certId)).containsExactly("CERTIFICATE_ISSUED", "CERTIFICATE_REVOKE_REFUSED");
        assertThat(api.get("/api/v1/keys/" + certId, w.police().token()).json().getString("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aRefusedReceipt_isAudited_andNotRecorded() {
        Api.Reply junkSignature = api.post(
                "/api/v1/documents/" + docId + "/receipt", w.officer().token(), "{\"signature\":\"QUFBQQ==\"}");

        assertThat(junkSignature.status()).as(junkSignature.body()).isEqualTo(400);
        assertThat(junkSignature.json().getJsonObject("details").getString("field"))
                .isEqualTo("signature");
        assertThat(actionsOn(docId)).contains("DOCUMENT_RECEIPT_REFUSED").doesNotContain("DOCUMENT_RECEIPT");
        assertThat(api.get(
                                "/api/v1/documents/" + docId + "/receipts",
                                w.officer().token())
                        .value()
                        .asJsonArray())
                .isEmpty();
    }

    private Api.Reply grant(byte[] der) {
        return api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                der);
    }

    private List<String> actionsOn(String objectId) {
        return ReviewsIT.auditEntries(api).stream()
                .filter(o -> objectId.equals(o.getString("objectId", null)))
                .map(o -> o.getString("action"))
                .toList();
    }
}
