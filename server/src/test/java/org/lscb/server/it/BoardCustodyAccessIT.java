package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;
import org.lscb.envelope.custody.KeyShare;
import org.lscb.envelope.custody.KeyShares;
import org.lscb.envelope.custody.SplitProof;

/**
 * Who reaches each board key custody endpoint (docs/api.md "Board key custody"), and what bad input gets. The board's
 * officer splits and asks; its Chair reads; a custodian reads their own share and approves; only the requester reads
 * the approvals and closes the request. Another board's officer and agency, and an agency of the board that holds no
 * share, are told nothing exists (404); roles that take no part in a board's custody are refused (403), and no one
 * signed out gets in (401). Every refused or bad request leaves the split and the requests as they were.
 */
@ExtendWith(SharedServer.class)
class BoardCustodyAccessIT {

    enum Who {
        /** The Chair of board A: reads the board's custody, and holds a share too. */
        CHAIR_A,
        /** The police of board A: holds a share. */
        CUSTODIAN_A,
        /** Health, a partner of board A that holds no share. */
        AGENCY_A,
        SECOND_OFFICER_A,
        OFFICER_B,
        AGENCY_B,
        REVIEWER,
        CORONER,
        CDOP_MEMBER,
        ADMIN,
        NOBODY,
        /** Last: what it does changes the state the others were asked about. */
        OFFICER_A
    }

    private final Api api;
    private final TwoBoards boards;
    private final ReviewWorld w;
    private final Identity boardKey;
    private final Identity officerKey;
    private final Identity custodianKey;
    private final Identity chairKey;
    private final String docId;

    BoardCustodyAccessIT(Api api) throws Exception {
        this.api = api;
        boards = TwoBoards.create(api, true);
        w = boards.a();
        String reviewId = w.openScr(3).getString("id");
        boardKey = KeyHolder.enrol(api, w.officer().token(), "board", false);
        officerKey = KeyHolder.enrol(api, w.officer().token(), null, false);
        custodianKey = KeyHolder.enrol(api, w.police().token(), null, false);
        chairKey = KeyHolder.enrol(api, w.chair().token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        Api.Reply upload = api.send(
                "POST",
                "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=IMR",
                w.police().token(),
                "application/pkcs7-mime",
                ExchangeIT.seal(custodianKey, recipients, ExchangeIT.bytes(1000)));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        docId = upload.json().getString("id");
        Api.Reply split = put(custody(), w.officer(), splitBody(List.of(custodianKey, chairKey), 2, null));
        assertThat(split.status()).as(split.body()).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> every_custody_endpoint_answers_each_person_as_the_rules_say() throws Exception {
        Map<Who, Api.Login> who = logins();
        String open = request(w.officer(), grantBody());
        String toComplete = request(w.officer(), grantBody());
        String toCancel = request(w.officer(), grantBody());
        String recoveries = board() + "/recoveries";
        String approval = "{\"envelope\":\"" + Base64.getEncoder().encodeToString(new byte[] {48, 0}) + "\"}";
        String bogusSplit = new String(splitBody(List.of(custodianKey, chairKey), 2, null), StandardCharsets.UTF_8)
                .replaceFirst("\"proof\":\"[^\"]*\"", "\"proof\":\"AAAA\"");

        Map<Who, Integer> readers =
                answers(Map.of(Who.OFFICER_A, 200, Who.SECOND_OFFICER_A, 200, Who.CHAIR_A, 200, Who.CUSTODIAN_A, 200));
        Map<Who, Integer> officers = answers(Map.of(Who.OFFICER_A, 200, Who.SECOND_OFFICER_A, 200, Who.CHAIR_A, 403));
        Map<Who, Integer> requester =
                answers(Map.of(Who.OFFICER_A, 200, Who.SECOND_OFFICER_A, 403, Who.CHAIR_A, 403, Who.CUSTODIAN_A, 403));

        List<DynamicTest> tests = new ArrayList<>();
        route(tests, who, "GET", custody(), null, readers);
        route(tests, who, "GET", custody() + "/candidates", null, officers);
        route(tests, who, "GET", custody() + "/share", null, answers(Map.of(Who.CUSTODIAN_A, 200, Who.CHAIR_A, 200)));
        route(
                tests,
                who,
                "PUT",
                custody(),
                bogusSplit,
                answers(Map.of(Who.OFFICER_A, 400, Who.SECOND_OFFICER_A, 400, Who.CHAIR_A, 403)));
        route(tests, who, "GET", recoveries, null, readers);
        route(
                tests,
                who,
                "POST",
                recoveries,
                grantBody(),
                answers(Map.of(Who.OFFICER_A, 201, Who.SECOND_OFFICER_A, 400, Who.CHAIR_A, 403)));
        route(tests, who, "GET", recoveries + "/" + open, null, readers);
        route(
                tests,
                who,
                "POST",
                recoveries + "/" + open + "/approvals",
                approval,
                answers(Map.of(Who.OFFICER_A, 403, Who.SECOND_OFFICER_A, 403, Who.CHAIR_A, 400, Who.CUSTODIAN_A, 400)));
        route(tests, who, "GET", recoveries + "/" + open + "/approvals", null, requester);
        route(tests, who, "GET", recoveries + "/" + open + "/deliveries", null, requester);
        route(tests, who, "POST", recoveries + "/" + toComplete + "/completion", "", requester);
        route(
                tests,
                who,
                "POST",
                recoveries + "/" + toCancel + "/cancellation",
                "",
                answers(Map.of(Who.OFFICER_A, 409, Who.SECOND_OFFICER_A, 200, Who.CHAIR_A, 403)));
        tests.add(DynamicTest.dynamicTest("nothing refused changed the split", () -> {
            JsonObject custody = api.get(custody(), w.officer().token()).json();
            assertThat(custody.getJsonArray("custodians")).hasSize(2);
            assertThat(api.get(recoveries + "/" + open, w.officer().token())
                            .json()
                            .getInt("approvals"))
                    .isZero();
        }));
        return tests.stream();
    }

    @Test
    void aBadSplit_isRefusedNamingWhatIsWrong_andTheSplitStaysAsItWas() throws Exception {
        String before = api.get(custody(), w.officer().token()).json().getString("splitId");
        Identity outsider = KeyHolder.enrol(api, boards.agencyB().token(), null, false);

        assertRefused(
                put(custody(), w.officer(), splitBody(List.of(custodianKey, chairKey), 1, null)), 400, "threshold");
        assertRefused(
                put(custody(), w.officer(), splitBody(List.of(custodianKey, chairKey), 3, null)), 400, "threshold");
        assertRefused(
                put(custody(), w.officer(), splitBody(List.of(custodianKey, custodianKey), 2, null)), 400, "once");
        assertRefused(
                put(custody(), w.officer(), splitBody(List.of(custodianKey, outsider), 2, null)),
                400,
                "not of the board");
        assertRefused(
                put(custody(), w.officer(), splitBody(List.of(custodianKey, chairKey), 2, officerKey)),
                400,
                "sealed to certificate");
        String wrongProof = new String(splitBody(List.of(custodianKey, chairKey), 2, null), StandardCharsets.UTF_8)
                .replaceFirst("\"threshold\":2", "\"threshold\":2,\"surplus\":1");
        assertRefused(put(custody(), w.officer(), wrongProof.getBytes(StandardCharsets.UTF_8)), 400, "surplus");
        String notBase64 = new String(splitBody(List.of(custodianKey, chairKey), 2, null), StandardCharsets.UTF_8)
                .replaceFirst("\"envelope\":\"", "\"envelope\":\"*");
        assertRefused(put(custody(), w.officer(), notBase64.getBytes(StandardCharsets.UTF_8)), 400, "base64");
        assertRefused(put(custody(), w.officer(), "{}".getBytes(StandardCharsets.UTF_8)), 400, "threshold");
        byte[] huge = ("{\"threshold\":2,\"proof\":\"" + "A".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(put(custody(), w.officer(), huge).status()).isEqualTo(413);

        assertThat(api.get(custody(), w.officer().token()).json().getString("splitId"))
                .isEqualTo(before);
    }

    @Test
    void aSplitNotSignedByTheBoardKey_isRefused_evenFromTheBoardsOwnOfficer() throws Exception {
        byte[] body = splitBody(List.of(custodianKey, chairKey), 2, null);
        JsonObject parsed =
                Json.createReader(new java.io.ByteArrayInputStream(body)).readObject();
        byte[] signedByOfficer = SplitProof.sign(officerKey, "anything".getBytes(StandardCharsets.UTF_8));
        String forged = Json.createObjectBuilder(parsed)
                .add("proof", Base64.getEncoder().encodeToString(signedByOfficer))
                .build()
                .toString();

        assertRefused(put(custody(), w.officer(), forged.getBytes(StandardCharsets.UTF_8)), 400, "proof");
    }

    @Test
    void aBadRequestOrApproval_isRefusedNamingWhatIsWrong() throws Exception {
        String cert = officerKey.certificate().getSerialNumber().toString(16);
        String others = custodianKey.certificate().getSerialNumber().toString(16);
        String recoveries = board() + "/recoveries";

        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"STEAL\",\"reason\":\"r\",\"requesterCertificateId\":\"" + cert + "\"}"),
                400,
                "purpose");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"GRANT\",\"reason\":\"r\",\"requesterCertificateId\":\"" + cert + "\"}"),
                400,
                "documentId");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"RESPLIT\",\"documentId\":\"" + docId
                                + "\",\"reason\":\"r\",\"requesterCertificateId\":\"" + cert + "\"}"),
                400,
                "documentId");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"RESPLIT\",\"reason\":\"" + "x".repeat(501) + "\",\"requesterCertificateId\":\""
                                + cert + "\"}"),
                400,
                "reason");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"RESPLIT\",\"reason\":\"r\",\"requesterCertificateId\":\"" + others + "\"}"),
                400,
                "requesterCertificateId");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"GRANT\",\"documentId\":\"" + java.util.UUID.randomUUID()
                                + "\",\"reason\":\"r\",\"requesterCertificateId\":\"" + cert + "\"}"),
                400,
                "documentId");
        assertRefused(
                post(
                        recoveries,
                        "{\"purpose\":\"RESPLIT\",\"reason\":\"r\",\"requesterCertificateId\":\"" + cert
                                + "\",\"extra\":1}"),
                400,
                "extra");

        String open = request(w.officer(), grantBody());
        String path = recoveries + "/" + open + "/approvals";
        assertRefused(api.post(path, w.police().token(), "{\"envelope\":\"%%\"}"), 400, "base64");
        byte[] toSelf = sealedShare(custodianKey, custodianKey.certificate());
        assertRefused(api.post(path, w.police().token(), envelope(toSelf)), 400, "sealed to certificate");
        byte[] toRequester = sealedShare(custodianKey, officerKey.certificate());
        assertThat(api.post(path, w.police().token(), envelope(toRequester)).status())
                .isEqualTo(201);
        assertRefused(api.post(path, w.police().token(), envelope(toRequester)), 409, "already");
        assertThat(api.get(recoveries + "/" + open, w.officer().token()).json().getInt("approvals"))
                .isEqualTo(1);
    }

    // ---- helpers ----

    private String board() {
        return "/api/v1/boards/" + w.board();
    }

    private String custody() {
        return board() + "/custody";
    }

    private String grantBody() {
        return "{\"purpose\":\"GRANT\",\"documentId\":\"" + docId + "\",\"reason\":\"a late reviewer\","
                + "\"requesterCertificateId\":\""
                + officerKey.certificate().getSerialNumber().toString(16) + "\"}";
    }

    private String request(Api.Login by, String body) {
        Api.Reply r = api.post(board() + "/recoveries", by.token(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /**
     * A split of the board key among {@code custodians}, signed by the board key as the client makes it;
     * {@code sealTo}, when given, seals every share to that key instead of to its custodian.
     */
    private byte[] splitBody(List<Identity> custodians, int threshold, Identity sealTo) throws Exception {
        List<KeyShare> shares = KeyShares.split(
                boardKey, custodians.size(), Math.max(2, Math.min(threshold, custodians.size())), new SecureRandom());
        List<SplitProof.Sealed> sealed = new ArrayList<>();
        for (int i = 0; i < custodians.size(); i++) {
            X509Certificate to = (sealTo == null ? custodians.get(i) : sealTo).certificate();
            sealed.add(new SplitProof.Sealed(
                    custodians.get(i).certificate().getSerialNumber().toString(16),
                    ExchangeIT.seal(boardKey, List.of(to), shares.get(i).encoded())));
        }
        String boardCert = boardKey.certificate().getSerialNumber().toString(16);
        byte[] proof = SplitProof.sign(boardKey, SplitProof.message(w.board(), boardCert, threshold, sealed));
        JsonArrayBuilder list = Json.createArrayBuilder();
        sealed.forEach(s -> list.add(Json.createObjectBuilder()
                .add("custodianCertificateId", s.custodianCertificateId())
                .add("envelope", Base64.getEncoder().encodeToString(s.envelope()))));
        return Json.createObjectBuilder()
                .add("boardCertificateId", boardCert)
                .add("threshold", threshold)
                .add("shares", list)
                .add("proof", Base64.getEncoder().encodeToString(proof))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sealedShare(Identity custodian, X509Certificate to) throws Exception {
        return ExchangeIT.seal(
                custodian,
                List.of(to),
                KeyShares.split(boardKey, 2, 2, new SecureRandom()).get(0).encoded());
    }

    private static String envelope(byte[] sealed) {
        return "{\"envelope\":\"" + Base64.getEncoder().encodeToString(sealed) + "\"}";
    }

    private Api.Reply put(String path, Api.Login by, byte[] body) {
        return api.send("PUT", path, by == null ? null : by.token(), "application/json", body);
    }

    private Api.Reply post(String path, String body) {
        return api.post(path, w.officer().token(), body);
    }

    private static void assertRefused(Api.Reply r, int status, String says) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(says);
    }

    /** The answers given, and for the rest: 404 for board people and other boards, 403 for other roles, 401 signed out. */
    private static Map<Who, Integer> answers(Map<Who, Integer> given) {
        Map<Who, Integer> all = new EnumMap<>(Who.class);
        for (Who x : Who.values()) {
            all.put(
                    x,
                    switch (x) {
                        case REVIEWER, CORONER, CDOP_MEMBER, ADMIN -> 403;
                        case NOBODY -> 401;
                        default -> 404;
                    });
        }
        all.putAll(given);
        return all;
    }

    private void route(
            List<DynamicTest> tests,
            Map<Who, Api.Login> who,
            String method,
            String path,
            String body,
            Map<Who, Integer> expected) {
        for (Who x : Who.values()) {
            tests.add(DynamicTest.dynamicTest(method + " " + path + " as " + x, () -> {
                Api.Login login = who.get(x);
                String token = login == null ? null : login.token();
                Api.Reply r = body == null
                        ? api.get(path, token)
                        : api.send(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).as(r.body()).isEqualTo(expected.get(x));
            }));
        }
    }

    private Map<Who, Api.Login> logins() {
        Map<Who, Api.Login> m = new EnumMap<>(Who.class);
        m.put(Who.OFFICER_A, w.officer());
        m.put(Who.CHAIR_A, w.chair());
        m.put(Who.CUSTODIAN_A, w.police());
        m.put(Who.AGENCY_A, api.newAccount("AGENCY_USER", w.agencies().get(1)));
        Api.Login second = api.newAccount("LSCB_OFFICER", w.board());
        m.put(Who.SECOND_OFFICER_A, second);
        m.put(Who.OFFICER_B, boards.officerB());
        m.put(Who.AGENCY_B, boards.agencyB());
        m.put(Who.REVIEWER, api.newAccount("REVIEWER"));
        m.put(Who.CORONER, api.newAccount("CORONER"));
        m.put(Who.CDOP_MEMBER, api.newAccount("CDOP_MEMBER"));
        m.put(Who.ADMIN, api.newAccount("ADMIN"));
        return m;
    }
}
