package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client end to end against the real server, as each person would use it on their own
 * machine (their own client folder, passwords from files): an agency sends an IMR, the reviewer bundles,
 * fetches and opens it byte-identical; a reviewer appointed later cannot open it until an officer runs
 * grant; a coroner acknowledges a joint report; and the error paths say one line and exit 1.
 */
@ExtendWith(SharedServer.class)
class ClientIT {

    @TempDir
    Path dir;

    private Api api;
    private ReviewWorld w;
    private String reviewId;

    @Test
    void anOfficer_signsInWithTheOneTimeCode_andWithoutOneIsToldHow() throws Exception {
        ClientPerson officer = new ClientPerson(api, dir, w.officer());

        ClientPerson.Result without = officer.run(
                "login", "--user", officer.login.username(), "--password-file", officer.password.toString());
        ClientPerson.Result with = officer.run(
                "login",
                "--user",
                officer.login.username(),
                "--password-file",
                officer.password.toString(),
                "--otp",
                api.signInCode(officer.login.username()));

        assertThat(without.status()).isNotZero();
        assertThat(without.err()).contains("--otp").contains("LSCB_OTP");
        assertThat(with.status()).as(with.err()).isZero();
        assertThat(officer.run("list", reviewId).status()).isZero();
    }

    @BeforeEach
    void world(Api api) {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
    }

    @Test
    void agencySends_reviewerOpens_lateReviewerWaitsForTheGrant() throws Exception {
        ClientPerson officer = new ClientPerson(api, dir, w.officer());
        ClientPerson police = new ClientPerson(api, dir, w.police());
        ClientPerson reviewer = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        ClientPerson late = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        w.appoint(reviewId, profile(reviewer), "LEAD_REVIEWER");
        officer.setUp(true);
        reviewer.setUp(false);
        police.setUp(false);
        byte[] imr = ExchangeIT.bytes(300_000);
        Path file = Files.write(dir.resolve("imr.pdf"), imr);

        ClientPerson.Result recipients = police.run("recipients", reviewId);
        ClientPerson.Result sent = police.run(
                "send",
                reviewId,
                file.toString(),
                "--type",
                "IMR",
                "--key-password-file",
                police.keyPassword.toString());
        String docId = id(sent.out());
        ClientPerson.Result bundle = reviewer.run(
                "bundle", reviewId, "--out", dir.resolve("bundle.zip").toString());
        ClientPerson.Result fetched =
                reviewer.run("fetch", docId, "--out", dir.resolve("imr.p7m").toString());
        ClientPerson.Result opened = reviewer.run(
                "open",
                dir.resolve("imr.p7m").toString(),
                "--out",
                dir.resolve("imr-opened.pdf").toString(),
                "--key-password-file",
                reviewer.keyPassword.toString());

        assertThat(recipients.out()).contains("board key").contains("SHA-256");
        assertThat(sent.status()).as(sent.err()).isZero();
        assertThat(bundle.status()).as(bundle.err()).isZero();
        assertThat(fetched.status()).as(fetched.err()).isZero();
        assertThat(opened.status()).as(opened.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("imr-opened.pdf"))).isEqualTo(imr);
        assertThat(opened.out()).contains("signed by").contains("Test AGENCY_USER");

        w.appoint(reviewId, profile(late), "PANEL_MEMBER");
        late.setUp(false);
        ClientPerson.Result refused =
                late.run("fetch", docId, "--out", dir.resolve("late.p7m").toString());
        ClientPerson.Result granted =
                officer.run("grant", docId, "--key-password-file", officer.keyPassword.toString());
        ClientPerson.Result lateFetch =
                late.run("fetch", docId, "--out", dir.resolve("late.p7m").toString());
        ClientPerson.Result lateOpen = late.run(
                "open", dir.resolve("late.p7m").toString(), "--key-password-file", late.keyPassword.toString());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).startsWith("lscb: not found").doesNotContain("Exception");
        assertThat(granted.status()).as(granted.err()).isZero();
        assertThat(lateFetch.status()).isZero();
        assertThat(lateOpen.status()).as(lateOpen.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("late"))).isEqualTo(imr);
    }

    @Test
    void errorPaths_sayOneLine_exit1_andLeaveNoPartialFile() throws Exception {
        ClientPerson officer = new ClientPerson(api, dir, w.officer());
        ClientPerson police = new ClientPerson(api, dir, w.police());
        ClientPerson reviewer = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        ClientPerson stranger = new ClientPerson(api, dir, api.newAccount("REVIEWER"));
        w.appoint(reviewId, profile(reviewer), "LEAD_REVIEWER");
        officer.setUp(true);
        reviewer.setUp(false);
        police.setUp(false);
        stranger.setUp(false);
        Path file = Files.write(dir.resolve("doc.txt"), ExchangeIT.bytes(50_000));
        String docId = id(police.run(
                        "send",
                        reviewId,
                        file.toString(),
                        "--type",
                        "IMR",
                        "--key-password-file",
                        police.keyPassword.toString())
                .out());
        reviewer.run("fetch", docId, "--out", dir.resolve("doc.p7m").toString());
        byte[] envelope = Files.readAllBytes(dir.resolve("doc.p7m"));
        envelope[envelope.length - 30] ^= 1;
        Files.write(dir.resolve("tampered.p7m"), envelope);
        Files.copy(dir.resolve("doc.p7m"), stranger.folder.resolve("doc.p7m"));

        ClientPerson.Result wrongKey = stranger.run(
                "open",
                stranger.folder.resolve("doc.p7m").toString(),
                "--key-password-file",
                stranger.keyPassword.toString());
        ClientPerson.Result tampered = reviewer.run(
                "open", dir.resolve("tampered.p7m").toString(), "--key-password-file", reviewer.keyPassword.toString());
        ClientPerson.Result wrongPassword = reviewer.run(
                "open", dir.resolve("doc.p7m").toString(), "--key-password-file", police.keyPassword.toString());
        // the agency's certificate is revoked: it can no longer send, and what it signed is no longer kept on opening
        String policeCert = api.get("/api/v1/keys/mine", w.police().token())
                .value()
                .asJsonArray()
                .getJsonObject(0)
                .getString("id");
        api.post("/api/v1/keys/" + policeCert + "/revoke", w.police().token(), "");
        ClientPerson.Result revokedSend = police.run(
                "send",
                reviewId,
                file.toString(),
                "--type",
                "IMR",
                "--key-password-file",
                police.keyPassword.toString());
        Files.writeString(dir.resolve("kept.txt"), "the reviewer's own notes");
        ClientPerson.Result revokedSigner = reviewer.run(
                "open",
                dir.resolve("doc.p7m").toString(),
                "--out",
                dir.resolve("revoked.txt").toString(),
                "--key-password-file",
                reviewer.keyPassword.toString());
        ClientPerson.Result revokedOverAFile = reviewer.run(
                "open",
                dir.resolve("doc.p7m").toString(),
                "--out",
                dir.resolve("kept.txt").toString(),
                "--key-password-file",
                reviewer.keyPassword.toString());
        Files.writeString(reviewer.folder.resolve("cfg").resolve("token"), "expired.or.forged");
        ClientPerson.Result expired = reviewer.run("fetch", docId);
        ClientPerson.Result verbose = reviewer.run("--verbose", "fetch", docId);

        for (ClientPerson.Result r : List.of(wrongKey, tampered, wrongPassword, expired, revokedSend, revokedSigner)) {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("lscb: ").doesNotContain("\tat ");
        }
        assertThat(wrongKey.err()).contains("cannot open");
        assertThat(tampered.err()).contains("cannot open");
        assertThat(wrongPassword.err()).contains("wrong password");
        assertThat(expired.err()).contains("lscb login");
        assertThat(revokedSend.err()).contains("your certificate").contains("revoked");
        assertThat(revokedSigner.err()).contains("signer").contains("revoked");
        assertThat(dir.resolve("revoked.txt")).doesNotExist();
        assertThat(revokedOverAFile.status()).isNotZero();
        assertThat(dir.resolve("kept.txt")).hasContent("the reviewer's own notes");
        assertThat(verbose.err()).contains("\tat ");
        assertThat(dir.resolve("tampered")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(".opening-")
                                    || n.startsWith(".download-")
                                    || n.startsWith(".unchecked-")))
                    .isEmpty();
        }
        assertThat(stranger.folder.resolve("doc")).doesNotExist();
    }

    @Test
    void coroner_acknowledgesTheJointReport_signingIt() throws Exception {
        String cdr = w.openChildDeath(3).getString("id");
        ClientPerson officer = new ClientPerson(api, dir, w.officer());
        Api.Login coronerLogin = api.newAccount("CORONER");
        Api.Login paediatricianLogin = api.newAccount("PAEDIATRICIAN");
        for (Api.Login who : List.of(coronerLogin, paediatricianLogin)) {
            api.post(
                    "/api/v1/reviews/" + cdr + "/appointments",
                    w.officer().token(),
                    "{\"accountId\":\"" + who.id() + "\",\"role\":\""
                            + (who == coronerLogin ? "CORONER" : "PAEDIATRICIAN") + "\"}");
        }
        ClientPerson coroner = new ClientPerson(api, dir, coronerLogin);
        ClientPerson paediatrician = new ClientPerson(api, dir, paediatricianLogin);
        officer.setUp(true);
        coroner.setUp(false);
        paediatrician.setUp(false);
        Path report = Files.write(dir.resolve("joint.pdf"), ExchangeIT.bytes(20_000));
        String docId = id(paediatrician
                .run(
                        "send",
                        cdr,
                        report.toString(),
                        "--type",
                        "CORONER_JOINT_REPORT",
                        "--key-password-file",
                        paediatrician.keyPassword.toString())
                .out());

        Path fetched = coroner.folder.resolve("joint.p7m");
        assertThat(coroner.run("fetch", docId, "--out", fetched.toString()).status())
                .isZero();
        Path other = Files.write(coroner.folder.resolve("other.p7m"), ExchangeIT.bytes(100));
        ClientPerson.Result notWhatWasFetched = coroner.run(
                "receipt", docId, "--sign", other.toString(), "--key-password-file", coroner.keyPassword.toString());
        ClientPerson.Result receipt = coroner.run(
                "receipt", docId, "--sign", fetched.toString(), "--key-password-file", coroner.keyPassword.toString());

        assertThat(notWhatWasFetched.status()).isEqualTo(1);
        assertThat(notWhatWasFetched.err()).contains("not the document's current envelope");
        assertThat(receipt.status()).as(receipt.err()).isZero();
        assertThat(receipt.out()).contains("Signed receipt");
        assertThat(api.get("/api/v1/inbox", coronerLogin.token())
                        .value()
                        .asJsonArray()
                        .getJsonObject(0)
                        .getBoolean("received"))
                .isTrue();
        assertThat(api.get("/api/v1/documents/" + docId + "/receipts", coronerLogin.token())
                        .value()
                        .asJsonArray()
                        .getJsonObject(0)
                        .getBoolean("signed"))
                .isTrue();
    }

    private String profile(ClientPerson p) {
        return api.post(
                        "/api/v1/reviewers",
                        p.login.token(),
                        ReviewerRegistryIT.profile("Client " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
    }

    private static String id(String sent) {
        Matcher m = Pattern.compile("Sent ([0-9a-f-]{36})").matcher(sent);
        assertThat(m.find()).as(sent).isTrue();
        return m.group(1);
    }
}
