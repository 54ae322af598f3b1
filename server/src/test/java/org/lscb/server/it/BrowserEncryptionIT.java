package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.OpenedEnvelope;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.EnvelopePages;
import org.lscb.server.it.browser.SignInPage;

/**
 * Sending, opening, granting and acknowledging in the browser (issue 19's journeys), in Debian's headless
 * Chromium against the real server, each cross-checked outside the browser: what the browser seals opens
 * with {@code openssl cms} and the Java {@code Opener}; what {@code lscb} seals opens in the browser
 * byte-identical; a key made in the browser opens a document with {@code lscb}.
 */
@ExtendWith(SharedServer.class)
class BrowserEncryptionIT {

    @TempDir
    Path dir;

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeEach
    void world(Api api) {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
    }

    @AfterEach
    void close() {
        browsers.forEach(Browser::close);
    }

    /** A reviewer with an account and a register entry, appointed to the review in {@code role}. */
    private Api.Login appointedReviewer(String role) {
        Api.Login account = api.newAccount("REVIEWER");
        String profile = api.post(
                        "/api/v1/reviewers",
                        account.token(),
                        ReviewerRegistryIT.profile("Reviewer " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        assertThat(w.appoint(reviewId, profile, role).status()).isEqualTo(201);
        return account;
    }

    /** A person's client with a key made by {@code lscb keygen} and enrolled. */
    private ClientPerson withKey(Api.Login login, boolean board) throws Exception {
        ClientPerson p = new ClientPerson(api, dir, login);
        p.setUp(board);
        return p;
    }

    private EnvelopePages signedIn(Api.Login login) {
        Browser browser = Browser.open(api.baseUrl());
        browsers.add(browser);
        SignInPage.signIn(browser, login.username(), login.password(), () -> api.signInCode(login.username()));
        return new EnvelopePages(browser);
    }

    private static String keyPassword(ClientPerson p) throws Exception {
        return Files.readString(p.keyPassword).strip();
    }

    private static Identity identity(Path p12, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            ks.load(in, password.toCharArray());
        }
        String alias = ks.aliases().nextElement();
        return Identity.of(
                (PrivateKey) ks.getKey(alias, password.toCharArray()), (X509Certificate) ks.getCertificate(alias));
    }

    private X509Certificate ca() throws Exception {
        return KeyHolder.certificates(api.get("/api/v1/ca", null).body()).get(0);
    }

    private String sendWithLscb(ClientPerson sender, String type, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve(type.toLowerCase() + "-" + Api.unique() + ".bin"), content);
        ClientPerson.Result sent = sender.run(
                "send",
                reviewId,
                file.toString(),
                "--type",
                type,
                "--key-password-file",
                sender.keyPassword.toString());
        assertThat(sent.status()).as(sent.err()).isZero();
        return sent.out().split(" ")[1];
    }

    /** Runs openssl, failing the test with its error output unless it exits 0. */
    private static void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + output).isZero();
    }

    @Test
    void police_send_an_imr_from_the_browser_that_openssl_and_the_java_opener_open_signed_by_police() throws Exception {
        ClientPerson police = withKey(w.police(), false);
        ClientPerson reviewer = withKey(appointedReviewer("LEAD_REVIEWER"), false);
        withKey(w.officer(), true);
        byte[] imr = ExchangeIT.bytes(300_000);
        Path file = Files.write(dir.resolve("imr.pdf"), imr);

        EnvelopePages pages = signedIn(w.police());
        EnvelopePages.Outcome added = pages.useKeyFile(police.keyFile(), keyPassword(police), false);
        pages.check("keys-with-a-key-file");
        EnvelopePages.Outcome sent = pages.send(reviewId, "IMR", "IMR of the police", file);
        pages.check("document-sent");

        assertThat(added.done()).as(added.text()).isTrue();
        assertThat(sent.done()).as(sent.text()).isTrue();
        assertThat(sent.text()).contains("IMR of the police was sent, encrypted for 2 recipients");
        JsonObject document = api.get("/api/v1/reviews/" + reviewId + "/documents", reviewer.login.token())
                .value()
                .asJsonArray()
                .getJsonObject(0);
        String docId = document.getString("id");
        byte[] envelope = api.getBytes("/api/v1/documents/" + docId + "/content", reviewer.login.token())
                .body();
        Path envelopeFile = Files.write(dir.resolve("imr.p7m"), envelope);

        // openssl: decrypt with the reviewer's key, then verify the author's signature against the deployment CA
        Path keyPem = dir.resolve("reviewer-key.pem");
        openssl(
                "pkcs12",
                "-in",
                reviewer.keyFile().toString(),
                "-nodes",
                "-passin",
                "file:" + reviewer.keyPassword,
                "-out",
                keyPem.toString());
        Path caPem = Files.writeString(
                dir.resolve("ca.pem"), api.get("/api/v1/ca", null).body());
        Path signed = dir.resolve("imr.signed");
        openssl(
                "cms",
                "-decrypt",
                "-inform",
                "DER",
                "-in",
                envelopeFile.toString(),
                "-inkey",
                keyPem.toString(),
                "-recip",
                keyPem.toString(),
                "-binary",
                "-out",
                signed.toString());
        Path plain = dir.resolve("imr.openssl");
        Path signer = dir.resolve("signer.pem");
        openssl(
                "cms",
                "-verify",
                "-inform",
                "DER",
                "-in",
                signed.toString(),
                "-CAfile",
                caPem.toString(),
                "-binary",
                "-out",
                plain.toString(),
                "-signer",
                signer.toString());
        assertThat(Files.readAllBytes(plain)).isEqualTo(imr);
        X509Certificate signerCert =
                KeyHolder.certificates(Files.readString(signer)).get(0);
        assertThat(signerCert.getSubjectX500Principal().getName()).contains("CN=Test AGENCY_USER");
        assertThat(signerCert)
                .isEqualTo(identity(police.keyFile(), keyPassword(police)).certificate());

        // and the Java opener that lscb uses
        OpenedEnvelope opened = Envelopes.opener(identity(reviewer.keyFile(), keyPassword(reviewer)), ca())
                .open(new ByteArrayInputStream(envelope), dir.resolve("imr.java"));
        assertThat(Files.readAllBytes(dir.resolve("imr.java"))).isEqualTo(imr);
        assertThat(opened.signedBy()).contains("CN=Test AGENCY_USER");
    }

    @Test
    void a_chronology_sent_with_lscb_opens_in_the_reviewers_browser_identical_and_names_the_signer() throws Exception {
        ClientPerson police = withKey(w.police(), false);
        ClientPerson reviewer = withKey(appointedReviewer("LEAD_REVIEWER"), false);
        withKey(w.officer(), true);
        byte[] chronology = ExchangeIT.bytes(2_000_000);
        String docId = sendWithLscb(police, "CHRONOLOGY", chronology);

        EnvelopePages pages = signedIn(reviewer.login);
        pages.useKeyFile(reviewer.keyFile(), keyPassword(reviewer), false);
        EnvelopePages.Outcome opened = pages.open(docId);
        pages.check("document-opened");

        assertThat(opened.done()).as(opened.text()).isTrue();
        assertThat(pages.openedDocument()).isEqualTo(chronology);
        assertThat(pages.signerName()).contains("Test AGENCY_USER");
        assertThat(opened.text()).contains("Signed by").contains("Test AGENCY_USER");
    }

    @Test
    void a_reviewer_appointed_late_opens_a_document_only_after_an_officer_grants_from_the_browser_with_the_board_key()
            throws Exception {
        ClientPerson police = withKey(w.police(), false);
        ClientPerson officer = withKey(w.officer(), true);
        withKey(appointedReviewer("LEAD_REVIEWER"), false);
        byte[] imr = ExchangeIT.bytes(120_000);
        String docId = sendWithLscb(police, "IMR", imr);
        ClientPerson late = withKey(appointedReviewer("PANEL_MEMBER"), false);

        EnvelopePages latePages = signedIn(late.login);
        latePages.useKeyFile(late.keyFile(), keyPassword(late), false);
        EnvelopePages.Outcome before = latePages.open(docId);
        EnvelopePages officerPages = signedIn(w.officer());
        EnvelopePages.Outcome boardKey = officerPages.useKeyFile(officer.keyFile(), keyPassword(officer), true);
        EnvelopePages.Outcome granted = officerPages.grant(reviewId);
        officerPages.check("access-given");
        EnvelopePages.Outcome after = latePages.open(docId);

        // before the grant the document is not theirs to see at all: the page does not exist for them
        assertThat(before.done()).isFalse();
        assertThat(before.text()).isEqualTo("Page not found");
        assertThat(boardKey.done()).as(boardKey.text()).isTrue();
        assertThat(granted.done()).as(granted.text()).isTrue();
        assertThat(granted.text()).contains("Access given to 1 document");
        assertThat(after.done()).as(after.text()).isTrue();
        assertThat(latePages.openedDocument()).isEqualTo(imr);
    }

    @Test
    void the_coroner_opens_the_joint_report_in_the_browser_and_sends_a_receipt_that_openssl_verifies()
            throws Exception {
        String cdr = w.openChildDeath(3).getString("id");
        Api.Login coronerLogin = api.newAccount("CORONER");
        Api.Login paediatricianLogin = api.newAccount("PAEDIATRICIAN");
        for (Api.Login who : List.of(coronerLogin, paediatricianLogin)) {
            assertThat(api.post(
                                    "/api/v1/reviews/" + cdr + "/appointments",
                                    w.officer().token(),
                                    "{\"accountId\":\"" + who.id() + "\",\"role\":\""
                                            + (who == coronerLogin ? "CORONER" : "PAEDIATRICIAN") + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        withKey(w.officer(), true);
        ClientPerson coroner = withKey(coronerLogin, false);
        ClientPerson paediatrician = withKey(paediatricianLogin, false);
        byte[] report = ExchangeIT.bytes(40_000);
        Path file = Files.write(dir.resolve("joint.pdf"), report);
        ClientPerson.Result sent = paediatrician.run(
                "send",
                cdr,
                file.toString(),
                "--type",
                "CORONER_JOINT_REPORT",
                "--key-password-file",
                paediatrician.keyPassword.toString());
        assertThat(sent.status()).as(sent.err()).isZero();
        String docId = sent.out().split(" ")[1];

        EnvelopePages pages = signedIn(coronerLogin);
        pages.useKeyFile(coroner.keyFile(), keyPassword(coroner), false);
        EnvelopePages.Outcome opened = pages.open(docId);
        EnvelopePages.Outcome receipt = pages.sendReceipt();

        assertThat(opened.done()).as(opened.text()).isTrue();
        assertThat(pages.openedDocument()).isEqualTo(report);
        assertThat(receipt.done()).as(receipt.text()).isTrue();
        JsonObject recorded = api.get(
                        "/api/v1/documents/" + docId + "/receipts", w.officer().token())
                .value()
                .asJsonArray()
                .getJsonObject(0);
        assertThat(recorded.getBoolean("signed")).isTrue();
        Path signature = Files.write(
                dir.resolve("receipt.der"), Base64.getMimeDecoder().decode(recorded.getString("signature")));
        Path content = Files.writeString(dir.resolve("receipt.txt"), recorded.getString("sha256"));
        Path coronerCert = Files.writeString(
                dir.resolve("coroner.pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(identity(coroner.keyFile(), keyPassword(coroner))
                                        .certificate()
                                        .getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        Path caPem = Files.writeString(
                dir.resolve("ca.pem"), api.get("/api/v1/ca", null).body());
        Path signer = dir.resolve("receipt-signer.pem");
        openssl(
                "cms",
                "-verify",
                "-inform",
                "DER",
                "-in",
                signature.toString(),
                "-content",
                content.toString(),
                "-binary",
                "-CAfile",
                caPem.toString(),
                "-certfile",
                coronerCert.toString(),
                "-signer",
                signer.toString(),
                "-out",
                dir.resolve("receipt.out").toString());
        assertThat(KeyHolder.certificates(Files.readString(signer)).get(0))
                .isEqualTo(identity(coroner.keyFile(), keyPassword(coroner)).certificate());
    }

    @Test
    void a_tampered_envelope_a_revoked_signer_and_a_wrong_key_each_end_in_a_clear_message_and_no_download()
            throws Exception {
        ClientPerson police = withKey(w.police(), false);
        ClientPerson reviewer = withKey(appointedReviewer("LEAD_REVIEWER"), false);
        withKey(w.officer(), true);
        String signedByRevoked = sendWithLscb(police, "IMR", ExchangeIT.bytes(20_000));
        String sealedBeforeTheNewKey = sendWithLscb(police, "IMR", ExchangeIT.bytes(20_000));
        EnvelopePages pages = signedIn(reviewer.login);
        pages.useKeyFile(reviewer.keyFile(), keyPassword(reviewer), false);

        // tampered: an envelope whose encrypted content was changed after sealing, uploaded as it is
        Identity policeKey = identity(police.keyFile(), keyPassword(police));
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + reviewId + "/recipients?format=pem",
                        w.police().token())
                .body());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Envelopes.sealer(policeKey, recipients).seal(new ByteArrayInputStream(ExchangeIT.bytes(50_000)), out);
        byte[] tampered = out.toByteArray();
        tampered[tampered.length - 5_000] ^= 0x01;
        Api.Reply upload = api.send(
                "POST",
                "/api/v1/reviews/" + reviewId + "/documents?type=IMR&title=Tampered",
                w.police().token(),
                "application/pkcs7-mime",
                tampered);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        EnvelopePages.Outcome changed = pages.open(upload.json().getString("id"));
        boolean changedOffered = pages.offersTheDocument();

        // revoked: the author's certificate revoked after sending
        String policeCertId = policeKey.certificate().getSerialNumber().toString(16);
        assertThat(api.post(
                                "/api/v1/keys/" + policeCertId + "/revoke",
                                w.police().token(),
                                "{}")
                        .status())
                .isEqualTo(200);
        EnvelopePages.Outcome revoked = pages.open(signedByRevoked);
        boolean revokedOffered = pages.offersTheDocument();

        // wrong key: the reviewer's browser now holds a second key of theirs, made after the document was sealed
        ClientPerson secondKey = new ClientPerson(api, dir.resolve("second"), reviewer.login);
        secondKey.setUp(false);
        pages.useKeyFile(secondKey.keyFile(), keyPassword(secondKey), false);
        EnvelopePages.Outcome wrongKey = pages.open(sealedBeforeTheNewKey);
        boolean wrongKeyOffered = pages.offersTheDocument();

        assertThat(changed.done()).isFalse();
        assertThat(changed.text()).containsIgnoringCase("changed");
        assertThat(changedOffered).isFalse();
        assertThat(revoked.done()).isFalse();
        assertThat(revoked.text()).containsIgnoringCase("revoked");
        assertThat(revokedOffered).isFalse();
        assertThat(wrongKey.done()).isFalse();
        assertThat(wrongKey.text()).containsIgnoringCase("recipient");
        assertThat(wrongKeyOffered).isFalse();
    }

    @Test
    void a_key_made_in_the_browser_is_enrolled_saved_as_pkcs12_and_opens_a_document_with_lscb() throws Exception {
        ClientPerson police = withKey(w.police(), false);
        withKey(w.officer(), true);
        Api.Login reviewerLogin = appointedReviewer("LEAD_REVIEWER");

        EnvelopePages pages = signedIn(reviewerLogin);
        EnvelopePages.Outcome made = pages.makeKey("a long key password", false);
        byte[] keyFile = pages.savedKeyFile();
        byte[] imr = ExchangeIT.bytes(70_000);
        String docId = sendWithLscb(police, "IMR", imr);

        assertThat(made.done()).as(made.text()).isTrue();
        ClientPerson reviewer = new ClientPerson(api, dir, reviewerLogin);
        Files.createDirectories(reviewer.keyFile().getParent());
        Files.write(reviewer.keyFile(), keyFile);
        Files.writeString(reviewer.keyPassword, "a long key password");
        reviewer.signIn();
        Path fetched = dir.resolve("fetched.p7m");
        assertThat(reviewer.run("fetch", docId, "--out", fetched.toString()).status())
                .isZero();
        ClientPerson.Result opened = reviewer.run(
                "open",
                fetched.toString(),
                "--out",
                dir.resolve("opened.bin").toString(),
                "--key-password-file",
                reviewer.keyPassword.toString());
        assertThat(opened.status()).as(opened.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("opened.bin"))).isEqualTo(imr);
    }

    @Test
    void a_key_kept_on_the_service_restores_in_a_new_browser_and_opens_a_document_there() throws Exception {
        ClientPerson police = withKey(w.police(), false);
        withKey(w.officer(), true);
        Api.Login reviewerLogin = appointedReviewer("LEAD_REVIEWER");
        EnvelopePages first = signedIn(reviewerLogin);
        EnvelopePages.Outcome made = first.makeKey("correct horse battery", true);
        byte[] imr = ExchangeIT.bytes(60_000);
        String docId = sendWithLscb(police, "IMR", imr);

        EnvelopePages second = signedIn(reviewerLogin);
        EnvelopePages.Outcome wrong = second.restoreKey("not the passphrase");
        EnvelopePages.Outcome restored = second.restoreKey("correct horse battery");
        EnvelopePages.Outcome opened = second.open(docId);

        assertThat(made.done()).as(made.text()).isTrue();
        assertThat(wrong.done()).isFalse();
        assertThat(wrong.text()).contains("The passphrase is not right for this backup");
        assertThat(restored.done()).as(restored.text()).isTrue();
        assertThat(opened.done()).as(opened.text()).isTrue();
        assertThat(second.openedDocument()).isEqualTo(imr);
    }

    @Test
    void the_scripts_page_shows_that_what_the_browser_received_has_the_digests_the_pages_demand() {
        Browser browser = Browser.open(api.baseUrl());
        browsers.add(browser);
        browser.go("/scripts");
        List<org.openqa.selenium.WebElement> received = new org.openqa.selenium.support.ui.WebDriverWait(
                        browser.driver(), java.time.Duration.ofMinutes(1))
                .until(d -> {
                    var cells = d.findElements(org.openqa.selenium.By.cssSelector("[data-loaded-for]"));
                    return cells.stream().noneMatch(c -> c.getText().equals("not checked")) ? cells : null;
                });
        browser.checkPage("scripts");

        assertThat(received).hasSizeGreaterThan(10);
        assertThat(received)
                .allSatisfy(c -> assertThat(c.getText()).startsWith("sha384-").endsWith("(the same)"));
    }
}
