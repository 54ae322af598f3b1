package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board key under 3-of-5 custody, end to end with the command-line client as each person runs it on their own
 * machine (docs/security.md "Board key custody"): the officer splits the key and its file is wiped; any three
 * custodians let the officer grant a reviewer appointed late, who opens the document byte-identical, and two do not; a
 * custodian whose certificate was revoked is refused; a re-split after a custodian leaves makes the old share useless;
 * and a person who lost their key has their documents re-wrapped for the new one, the old certificate revoked.
 */
@ExtendWith(SharedServer.class)
class BoardKeyCustodyIT {

    @TempDir
    Path dir;

    private Api api;
    private TwoBoards boards;
    private ReviewWorld w;
    private String reviewId;
    private ClientPerson officer;
    private ClientPerson police;
    private ClientPerson reviewer;
    private List<ClientPerson> custodians;
    private Path boardKey;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        boards = TwoBoards.create(api, false);
        w = boards.a();
        reviewId = w.openScr(3).getString("id");
        officer = new ClientPerson(api, dir, w.officer());
        police = new ClientPerson(api, dir, w.police());
        reviewer = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        ClientPerson chair = new ClientPerson(api, dir, w.chair());
        ClientPerson health = new ClientPerson(
                api, dir, api.newAccount("AGENCY_USER", w.agencies().get(1)));
        ClientPerson social = new ClientPerson(
                api, dir, api.newAccount("AGENCY_USER", w.agencies().get(2)));
        ClientPerson secondOfficer = new ClientPerson(api, dir, api.newAccount("LSCB_OFFICER", w.board()));

        // the officer's board key in its own file, beside their personal key
        officer.signIn();
        boardKey = officer.folder.resolve("board.p12");
        ok(officer.run("keygen", "--type", "ec", "--key", boardKey.toString(), "--key-password-file", pw(officer)));
        ok(officer.run("enrol", "--board", "--key", boardKey.toString(), "--key-password-file", pw(officer)));
        ok(officer.run("keygen", "--type", "ec", "--key-password-file", pw(officer)));
        ok(officer.run("enrol", "--key-password-file", pw(officer)));
        for (ClientPerson p : List.of(police, reviewer, chair, health, social, secondOfficer)) {
            p.setUp(false);
        }
        custodians = List.of(secondOfficer, chair, police, health, social);
        w.appoint(reviewId, profile(reviewer), "LEAD_REVIEWER");
    }

    @Test
    void anyThreeOfFive_letTheOfficerGrantALateReviewer_twoDoNot_andTheKeyFileIsGone() throws Exception {
        split(3);
        byte[] imr = ExchangeIT.bytes(200_000);
        String docId = send(imr);
        ClientPerson late = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        late.setUp(false);
        w.appoint(reviewId, profile(late), "PANEL_MEMBER");

        String request = request("grant", docId);
        approve(request, custodians.get(0));
        approve(request, custodians.get(3));
        ClientPerson.Result tooFew = officer.run("board", "complete", request, "--key-password-file", pw(officer));
        approve(request, custodians.get(2));
        ClientPerson.Result completed = officer.run("board", "complete", request, "--key-password-file", pw(officer));

        assertThat(boardKey).doesNotExist();
        assertThat(tooFew.status()).isEqualTo(1);
        assertThat(tooFew.err()).contains("2 of the 3 approvals");
        assertThat(completed.status()).as(completed.err()).isZero();
        assertThat(completed.out()).contains("Gave 1 recipient access to 1 document");
        assertThat(opened(late, docId)).isEqualTo(imr);
        assertThat(actions(w.officer()))
                .containsSubsequence(
                        "CUSTODY_SPLIT",
                        "KEY_RECOVERY_REQUESTED",
                        "KEY_RECOVERY_APPROVED",
                        "KEY_RECOVERY_APPROVED",
                        "KEY_RECOVERY_APPROVED",
                        "KEY_RECOVERY_SHARES_READ",
                        "DOCUMENT_GRANTED",
                        "KEY_RECOVERY_COMPLETED");
        JsonObject closed = api.get(
                        "/api/v1/boards/" + w.board() + "/recoveries/" + request,
                        w.officer().token())
                .json();
        assertThat(closed.getString("status")).isEqualTo("COMPLETED");
        assertThat(closed.getInt("approvals"))
                .as("sealed shares removed when closed")
                .isZero();
    }

    @Test
    void aCustodianWhoseCertificateWasRevoked_isRefused_andTheRefusalAudited() throws Exception {
        split(3);
        String docId = send(ExchangeIT.bytes(10_000));
        String request = request("grant", docId);
        String policeCert = api.get("/api/v1/keys/mine", w.police().token())
                .value()
                .asJsonArray()
                .getJsonObject(0)
                .getString("id");
        assertThat(api.post("/api/v1/keys/" + policeCert + "/revoke", w.police().token(), "{}")
                        .status())
                .isEqualTo(200);

        ClientPerson.Result refused =
                police.run("board", "--board", w.board(), "approve", request, "--key-password-file", pw(police));

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("revoked since the split");
        assertThat(actions(w.officer())).contains("KEY_RECOVERY_APPROVAL_REFUSED");
        assertThat(api.get(
                                "/api/v1/boards/" + w.board() + "/recoveries/" + request,
                                w.officer().token())
                        .json()
                        .getInt("approvals"))
                .isZero();
    }

    @Test
    void aReSplitAfterACustodianLeaves_replacesEveryShare_cancelsTheOldSplitsOtherRequests_andTheNewCustodiansGrant()
            throws Exception {
        split(3);
        // another request of the old split, open with enough approvals to complete, when the re-split completes
        String pending = request("grant", send(ExchangeIT.bytes(2_000)));
        approve(pending, custodians.get(2));
        approve(pending, custodians.get(3));
        approve(pending, custodians.get(4));
        assertThat(approvals(pending)).hasSize(3);
        String resplit = request("resplit", null);
        approve(resplit, custodians.get(0));
        approve(resplit, custodians.get(1));
        approve(resplit, custodians.get(2));
        List<String> remaining = List.of(
                custodians.get(0).login.username(),
                custodians.get(1).login.username(),
                custodians.get(3).login.username(),
                custodians.get(4).login.username());
        List<String> args = new ArrayList<>(
                List.of("board", "complete", resplit, "--threshold", "2", "--key-password-file", pw(officer)));
        remaining.forEach(u -> args.addAll(List.of("--custodian", u)));
        ok(officer.run(args.toArray(String[]::new)));

        JsonObject custody = api.get(
                        "/api/v1/boards/" + w.board() + "/custody", w.officer().token())
                .json();
        assertThat(custody.getInt("threshold")).isEqualTo(2);
        assertThat(custody.getJsonArray("custodians").getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("accountId")))
                .doesNotContain(w.police().id())
                .hasSize(4);
        assertThat(api.get(
                                "/api/v1/boards/" + w.board() + "/custody/share",
                                w.police().token())
                        .status())
                .as("the custodian who left holds nothing any more")
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/boards/" + w.board() + "/recoveries/" + resplit,
                                w.officer().token())
                        .json()
                        .getString("status"))
                .isEqualTo("COMPLETED");
        assertThat(api.get(
                                "/api/v1/boards/" + w.board() + "/recoveries/" + pending,
                                w.officer().token())
                        .json()
                        .getString("status"))
                .as("a request the old shares were gathering for cannot be completed with the new ones")
                .isEqualTo("CANCELLED");
        Api.Reply shares = api.get(
                "/api/v1/boards/" + w.board() + "/recoveries/" + pending + "/approvals",
                w.officer().token());
        assertThat(shares.status())
                .as("its approval, a share sealed to the officer, is no longer served")
                .isEqualTo(409);
        assertThat(shares.error()).isEqualTo("recovery_closed");
        assertThat(actions(w.officer())).contains("KEY_RECOVERY_CANCELLED");
        ClientPerson.Result completing = officer.run("board", "complete", pending, "--key-password-file", pw(officer));
        assertThat(completing.status()).as(completing.out()).isNotZero();
        assertThat(completing.out() + completing.err())
                .as("refused as cancelled")
                .contains("cancelled");

        byte[] imr = ExchangeIT.bytes(30_000);
        String docId = send(imr);
        ClientPerson late = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        late.setUp(false);
        w.appoint(reviewId, profile(late), "PANEL_MEMBER");
        String grant = request("grant", docId);
        approve(grant, custodians.get(3));
        approve(grant, custodians.get(4));
        ok(officer.run("board", "complete", grant, "--key-password-file", pw(officer)));
        assertThat(opened(late, docId)).isEqualTo(imr);
    }

    @Test
    void aPersonWhoLostTheirKey_getsTheirDocumentsReWrappedForTheNewOne_andTheOldCertificateIsRevoked()
            throws Exception {
        split(3);
        byte[] imr = ExchangeIT.bytes(40_000);
        String docId = send(imr);
        String lost = api.get("/api/v1/keys/mine", reviewer.login.token())
                .value()
                .asJsonArray()
                .getJsonObject(0)
                .getString("id");
        Files.delete(reviewer.keyFile()); // the laptop is gone
        ok(reviewer.run("keygen", "--type", "ec", "--key-password-file", pw(reviewer)));
        ok(reviewer.run("enrol", "--key-password-file", pw(reviewer)));

        ClientPerson.Result made = officer.run(
                "board",
                "request",
                "rewrap",
                "--account",
                reviewer.login.id(),
                "--lost-certificate",
                lost,
                "--reason",
                "reviewer's laptop stolen",
                "--key-password-file",
                pw(officer));
        ok(made);
        String request = requestId(made.out());
        assertThat(api.get("/api/v1/keys/" + lost, reviewer.login.token())
                        .json()
                        .getString("status"))
                .as("revoked as soon as the loss is reported")
                .isEqualTo("REVOKED");
        approve(request, custodians.get(1));
        approve(request, custodians.get(2));
        approve(request, custodians.get(4));
        ClientPerson.Result done = officer.run("board", "complete", request, "--key-password-file", pw(officer));

        assertThat(done.status()).as(done.err()).isZero();
        assertThat(done.out()).contains("access to 1 document");
        assertThat(opened(reviewer, docId)).isEqualTo(imr);
    }

    // ---- steps ----

    private void split(int threshold) {
        List<String> args = new ArrayList<>(List.of(
                "board",
                "split",
                "--board-key",
                boardKey.toString(),
                "--board-key-password-file",
                pw(officer),
                "--threshold",
                String.valueOf(threshold)));
        custodians.forEach(c -> args.addAll(List.of("--custodian", c.login.username())));
        ClientPerson.Result r = officer.run(args.toArray(String[]::new));
        ok(r);
        assertThat(r.out()).contains("any " + threshold + " of 5 custodians");
    }

    private String send(byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("imr-" + Api.unique() + ".pdf"), content);
        ClientPerson.Result sent =
                police.run("send", reviewId, file.toString(), "--type", "IMR", "--key-password-file", pw(police));
        ok(sent);
        Matcher m = Pattern.compile("Sent ([0-9a-f-]{36})").matcher(sent.out());
        assertThat(m.find()).as(sent.out()).isTrue();
        return m.group(1);
    }

    private String request(String purpose, String document) {
        List<String> args = new ArrayList<>(List.of("board", "request", purpose));
        if (document != null) {
            args.add(document);
        }
        args.addAll(List.of("--reason", "test " + purpose, "--key-password-file", pw(officer)));
        ClientPerson.Result made = officer.run(args.toArray(String[]::new));
        ok(made);
        return requestId(made.out());
    }

    private static String requestId(String out) {
        Matcher m = Pattern.compile("Request ([0-9a-f-]{36}) made").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private void approve(String request, ClientPerson custodian) {
        custodian.signIn();
        ok(custodian.run("board", "--board", w.board(), "approve", request, "--key-password-file", pw(custodian)));
    }

    /** The approvals of a request, as its requester (the officer) reads them. */
    private List<JsonObject> approvals(String request) {
        Api.Reply r = api.get(
                "/api/v1/boards/" + w.board() + "/recoveries/" + request + "/approvals",
                w.officer().token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value().asJsonArray().getValuesAs(JsonObject.class);
    }

    private byte[] opened(ClientPerson p, String docId) throws Exception {
        Path envelope = p.folder.resolve(docId + ".p7m");
        Path plain = p.folder.resolve(docId + ".plain");
        ok(p.run("fetch", docId, "--out", envelope.toString()));
        ok(p.run("open", envelope.toString(), "--out", plain.toString(), "--key-password-file", pw(p)));
        return Files.readAllBytes(plain);
    }

    /** The audit as the board's officer reads it: its own people's entries, oldest first. */
    private List<String> actions(Api.Login officer) {
        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonObject> entries = api.get("/api/v1/audit?size=100&page=" + page, officer.token())
                    .json()
                    .getJsonArray("entries")
                    .getValuesAs(JsonObject.class);
            entries.forEach(e -> all.add(e.getString("action")));
            if (entries.size() < 100) {
                return all;
            }
        }
    }

    private String profile(ClientPerson p) {
        return api.post(
                        "/api/v1/reviewers",
                        p.login.token(),
                        ReviewerRegistryIT.profile("Custody " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
    }

    private static String pw(ClientPerson p) {
        return p.keyPassword.toString();
    }

    private static void ok(ClientPerson.Result r) {
        assertThat(r.status()).as(r.err()).isZero();
    }
}
