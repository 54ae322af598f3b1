package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;

/**
 * The access matrix for every document endpoint (docs/security.md "Access control"): each kind of caller
 * against a document of a review they stand in a relation to, and a missing id. Bodies that pass the
 * access check but are junk answer 415, so a 415 here means "let in", a 404 "nothing to see".
 */
@ExtendWith(SharedServer.class)
class DocumentAuthorisationIT {

    enum Endpoint {
        LIST,
        METADATA,
        CONTENT,
        GRANT,
        RECEIPT,
        RECEIPTS,
        BUNDLE,
        RECIPIENTS,
        UPLOAD
    }

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private String docId;
    private Api.Login reviewer;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        reviewer = api.newAccount("REVIEWER");
        String profile = api.post(
                        "/api/v1/reviewers",
                        reviewer.token(),
                        ReviewerRegistryIT.profile("Matrix " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        w.appoint(reviewId, profile, "LEAD_REVIEWER");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        KeyHolder.enrol(api, reviewer.token(), null, false);
        Identity agency = KeyHolder.enrol(api, w.police().token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        docId = api.send(
                        "POST",
                        "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=Matrix",
                        w.police().token(),
                        "application/pkcs7-mime",
                        ExchangeIT.seal(agency, recipients, ExchangeIT.bytes(500)))
                .json()
                .getString("id");
    }

    @Test
    void leadBoardOfficer_readsThroughTheBoardKey_andMayGrant() {
        check(
                w.officer().token(),
                docId,
                expect(200, Map.of(Endpoint.GRANT, 415, Endpoint.RECEIPT, 201, Endpoint.UPLOAD, 415)));
    }

    @Test
    void appointedReviewer_readsAndAcknowledges_butDoesNotGrant() {
        check(
                reviewer.token(),
                docId,
                expect(200, Map.of(Endpoint.GRANT, 404, Endpoint.RECEIPT, 201, Endpoint.UPLOAD, 415)));
    }

    @Test
    void uploadingAgency_seesItsOwnUploadButCannotOpenIt() {
        check(
                w.police().token(),
                docId,
                expect(
                        200,
                        Map.of(
                                Endpoint.CONTENT,
                                404,
                                Endpoint.GRANT,
                                404,
                                Endpoint.RECEIPT,
                                404,
                                Endpoint.UPLOAD,
                                415)));
    }

    @Test
    void agencyOfAnotherReview_andAnUnappointedReviewer_seeNothing() {
        check(api.newAccount("AGENCY_USER").token(), docId, all(404));
        check(api.newAccount("REVIEWER").token(), docId, all(404));
    }

    @Test
    void administrator_hasNoRelationToReviews() {
        check(
                api.adminToken(),
                docId,
                expect(404, Map.of(Endpoint.GRANT, 403, Endpoint.RECEIPT, 403, Endpoint.UPLOAD, 403)));
    }

    @Test
    void reviewerWhoseAppointmentEnded_losesAccessAtOnce() {
        String aid = api.get("/api/v1/reviews/" + reviewId, w.officer().token())
                .json()
                .getJsonArray("appointments")
                .getJsonObject(0)
                .getString("id");
        api.send(
                "DELETE",
                "/api/v1/reviews/" + reviewId + "/appointments/" + aid,
                w.officer().token(),
                null,
                null);

        check(reviewer.token(), docId, all(404));
    }

    @Test
    void aMissingDocument_isNotFoundForEveryone() {
        String missing = UUID.randomUUID().toString();
        Map<Endpoint, Integer> expected = new LinkedHashMap<>();
        for (Endpoint e :
                List.of(Endpoint.METADATA, Endpoint.CONTENT, Endpoint.GRANT, Endpoint.RECEIPT, Endpoint.RECEIPTS)) {
            expected.put(e, 404);
        }
        check(w.officer().token(), missing, expected);
    }

    @Test
    void withoutAToken_everything_is401() {
        check(null, docId, all(401));
        assertThat(api.get("/api/v1/inbox", null).status()).isEqualTo(401);
    }

    private void check(String token, String documentId, Map<Endpoint, Integer> expected) {
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((e, status) -> {
            int got = call(e, token, documentId);
            soft.assertThat(got).as(e.name()).isEqualTo(status);
        });
        soft.assertAll();
    }

    private int call(Endpoint e, String token, String documentId) {
        byte[] junk = "junk".getBytes();
        return switch (e) {
            case LIST ->
                api.get("/api/v1/reviews/" + reviewId + "/documents", token).status();
            case METADATA -> api.get("/api/v1/documents/" + documentId, token).status();
            case CONTENT ->
                api.getBytes("/api/v1/documents/" + documentId + "/content", token)
                        .status();
            case GRANT ->
                api.send(
                                "POST",
                                "/api/v1/documents/" + documentId + "/recipients",
                                token,
                                "application/octet-stream",
                                junk)
                        .status();
            case RECEIPT ->
                api.post("/api/v1/documents/" + documentId + "/receipt", token, "{}")
                        .status();
            case RECEIPTS ->
                api.get("/api/v1/documents/" + documentId + "/receipts", token).status();
            case BUNDLE ->
                api.getBytes("/api/v1/reviews/" + reviewId + "/bundle", token).status();
            case RECIPIENTS ->
                api.get("/api/v1/reviews/" + reviewId + "/recipients", token).status();
            case UPLOAD ->
                api.send(
                                "POST",
                                "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=x",
                                token,
                                "application/pkcs7-mime",
                                junk)
                        .status();
        };
    }

    private static Map<Endpoint, Integer> all(int status) {
        return expect(status, Map.of());
    }

    private static Map<Endpoint, Integer> expect(int otherwise, Map<Endpoint, Integer> except) {
        Map<Endpoint, Integer> m = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            m.put(e, except.getOrDefault(e, otherwise));
        }
        return m;
    }
}
