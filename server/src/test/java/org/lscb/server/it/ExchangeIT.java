package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.OpenedEnvelope;

/**
 * The encrypted exchange end to end: keys enrolled with the deployment CA, an agency seals an IMR to the
 * review's recipients and uploads it, the appointed reviewer downloads and opens it and sees who signed;
 * the server only ever holds ciphertext.
 */
@ExtendWith(SharedServer.class)
class ExchangeIT {

    @TempDir
    Path dir;

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private Api.Login reviewerAccount;
    private Identity board;
    private Identity reviewer;
    private Identity agency;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        reviewerAccount = api.newAccount("REVIEWER");
        String profile = api.post(
                        "/api/v1/reviewers",
                        reviewerAccount.token(),
                        ReviewerRegistryIT.profile("Lead " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        assertThat(w.appoint(reviewId, profile, "LEAD_REVIEWER").status()).isEqualTo(201);
        board = KeyHolder.enrol(api, w.officer().token(), "board", false);
        reviewer = KeyHolder.enrol(api, reviewerAccount.token(), null, true);
        agency = KeyHolder.enrol(api, w.police().token(), null, false);
    }

    @Test
    void agencySealsAnImr_reviewerOpensItAndSeesWhoSignedIt() throws Exception {
        byte[] imr = bytes(400_000);
        List<X509Certificate> recipients = recipients(w.police().token());

        Api.Reply upload = upload(w.police().token(), seal(agency, recipients, imr), "IMR", null);
        String docId = upload.json().getString("id");
        Api.Bytes envelope = api.getBytes("/api/v1/documents/" + docId + "/content", reviewerAccount.token());
        OpenedEnvelope opened =
                Envelopes.opener(reviewer, ca()).open(new ByteArrayInputStream(envelope.body()), dir.resolve("imr"));

        assertThat(recipients).hasSize(2);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        // a download states its length (not chunked), so clients can show progress and detect a cut-off
        assertThat(envelope.headers().firstValueAsLong("Content-Length")).hasValue(envelope.body().length);
        assertThat(envelope.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(upload.json().getJsonArray("recipients")).hasSize(2);
        assertThat(envelope.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(dir.resolve("imr"))).isEqualTo(imr);
        assertThat(opened.signedBy()).contains("CN=Test AGENCY_USER");
        assertThat(ReviewsIT.audit(api, reviewId)).contains("DOCUMENT_UPLOADED", "DOCUMENT_DOWNLOADED");
    }

    @Test
    void reviewerAppointedLater_cannotFetchTheEnvelope_andOneRemovedCannotEither() throws Exception {
        String docId = upload(
                        w.police().token(), seal(agency, recipients(w.police().token()), bytes(1000)), "IMR", null)
                .json()
                .getString("id");
        Api.Login late = api.newAccount("REVIEWER");
        String lateProfile = api.post(
                        "/api/v1/reviewers",
                        late.token(),
                        ReviewerRegistryIT.profile("Late " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        String aid = w.appoint(reviewId, lateProfile, "PANEL_MEMBER").json().getString("id");
        KeyHolder.enrol(api, late.token(), null, false);

        assertThat(api.getBytes("/api/v1/documents/" + docId + "/content", late.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/documents/" + docId, late.token()).status()).isEqualTo(404);
        api.send(
                "DELETE",
                "/api/v1/reviews/" + reviewId + "/appointments/" + aid,
                w.officer().token(),
                null,
                null);
        JsonObject lead = api.get("/api/v1/reviews/" + reviewId, w.officer().token())
                .json()
                .getJsonArray("appointments")
                .getJsonObject(0);
        api.send(
                "DELETE",
                "/api/v1/reviews/" + reviewId + "/appointments/" + lead.getString("id"),
                w.officer().token(),
                null,
                null);
        assertThat(api.getBytes("/api/v1/documents/" + docId + "/content", reviewerAccount.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void boardGrantsAReviewerAppointedLater_whoCanThenOpenTheImr() throws Exception {
        byte[] imr = bytes(80_000);
        String docId = upload(
                        w.police().token(), seal(agency, recipients(w.police().token()), imr), "IMR", null)
                .json()
                .getString("id");
        Api.Login late = api.newAccount("REVIEWER");
        String lateProfile = api.post(
                        "/api/v1/reviewers",
                        late.token(),
                        ReviewerRegistryIT.profile("Late " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        w.appoint(reviewId, lateProfile, "PANEL_MEMBER");
        Identity lateKey = KeyHolder.enrol(api, late.token(), null, false);
        assertThat(api.getBytes("/api/v1/documents/" + docId + "/content", late.token())
                        .status())
                .isEqualTo(404);

        byte[] envelope = api.getBytes(
                        "/api/v1/documents/" + docId + "/content", w.officer().token())
                .body();
        byte[] grant =
                Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(lateKey.certificate()));
        Api.Reply granted = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                grant);
        Api.Reply again = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                grant);
        Api.Bytes fetched = api.getBytes("/api/v1/documents/" + docId + "/content", late.token());
        Envelopes.opener(lateKey, ca()).open(new ByteArrayInputStream(fetched.body()), dir.resolve("late"));

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().getJsonArray("recipients")).hasSize(3);
        assertThat(again.status())
                .as("a grant adds recipients, never replaces one's entry")
                .isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("already_recipient");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(dir.resolve("late"))).isEqualTo(imr);
        assertThat(ReviewsIT.audit(api, reviewId)).contains("DOCUMENT_GRANTED");
    }

    @Test
    void aGrantForSomeoneTheReviewDoesNotEntitle_isRefused() throws Exception {
        String docId = upload(
                        w.police().token(), seal(agency, recipients(w.police().token()), bytes(100)), "IMR", null)
                .json()
                .getString("id");
        Identity outsider = KeyHolder.enrol(api, api.newAccount("REVIEWER").token(), null, false);
        byte[] envelope = api.getBytes(
                        "/api/v1/documents/" + docId + "/content", w.officer().token())
                .body();
        byte[] grant =
                Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(outsider.certificate()));

        Api.Reply byBoard = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                grant);
        Api.Reply byAgency = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.police().token(),
                "application/octet-stream",
                grant);
        Api.Reply junk = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                "junk".getBytes());

        assertThat(byBoard.status()).isEqualTo(400);
        assertThat(byBoard.error()).isEqualTo("recipient_set");
        assertThat(byAgency.status()).isEqualTo(404);
        assertThat(junk.status()).isEqualTo(415);
    }

    @Test
    void coronerReceivesTheJointReportInTheInbox_andAcknowledgesIt() throws Exception {
        String cdr = w.openChildDeath(3).getString("id");
        Api.Login coroner = api.newAccount("CORONER");
        Api.Login paediatrician = api.newAccount("PAEDIATRICIAN");
        for (Api.Login who : List.of(coroner, paediatrician)) {
            assertThat(api.post(
                                    "/api/v1/reviews/" + cdr + "/appointments",
                                    w.officer().token(),
                                    "{\"accountId\":\"" + who.id() + "\",\"role\":\""
                                            + (who == coroner ? "CORONER" : "PAEDIATRICIAN") + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        Identity coronerKey = KeyHolder.enrol(api, coroner.token(), null, false);
        Identity paediatricianKey = KeyHolder.enrol(api, paediatrician.token(), null, false);
        List<X509Certificate> recipients = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + cdr + "/recipients?format=pem&type=CORONER_JOINT_REPORT",
                        paediatrician.token())
                .body());
        byte[] report = bytes(30_000);
        Api.Reply up = api.send(
                "POST",
                "/api/v1/reviews/" + cdr + "/documents?type=CORONER_JOINT_REPORT&title=Joint%20report",
                paediatrician.token(),
                "application/pkcs7-mime",
                seal(paediatricianKey, recipients, report));
        String docId = up.json().getString("id");

        JsonObject before =
                api.get("/api/v1/inbox", coroner.token()).value().asJsonArray().getJsonObject(0);
        Api.Reply receipt = api.post("/api/v1/documents/" + docId + "/receipt", coroner.token(), "{}");
        Api.Reply again = api.post("/api/v1/documents/" + docId + "/receipt", coroner.token(), "{}");
        JsonObject after =
                api.get("/api/v1/inbox", coroner.token()).value().asJsonArray().getJsonObject(0);
        Api.Reply byStranger = api.post(
                "/api/v1/documents/" + docId + "/receipt",
                api.newAccount("CORONER").token(),
                "{}");
        Api.Reply receipts =
                api.get("/api/v1/documents/" + docId + "/receipts", w.officer().token());

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(before.getJsonObject("document").getString("id")).isEqualTo(docId);
        assertThat(before.getBoolean("received")).isFalse();
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        assertThat(again.json().getString("id")).isEqualTo(receipt.json().getString("id"));
        assertThat(after.getBoolean("received")).isTrue();
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(receipts.value().asJsonArray()).hasSize(1);
        Envelopes.opener(coronerKey, ca())
                .open(
                        new ByteArrayInputStream(
                                api.getBytes("/api/v1/documents/" + docId + "/content", coroner.token())
                                        .body()),
                        dir.resolve("joint"));
        assertThat(Files.readAllBytes(dir.resolve("joint"))).isEqualTo(report);
        assertThat(ReviewsIT.audit(api, cdr)).contains("DOCUMENT_RECEIPT");
    }

    @Test
    void bundle_holdsTheEnvelopesTheReviewerCanOpen_withAManifest() throws Exception {
        List<X509Certificate> recipients = recipients(w.police().token());
        String first = upload(w.police().token(), seal(agency, recipients, bytes(3000)), "IMR", null)
                .json()
                .getString("id");
        String second = upload(w.police().token(), seal(agency, recipients, bytes(4000)), "CHRONOLOGY", null)
                .json()
                .getString("id");

        Api.Bytes zip = api.getBytes("/api/v1/reviews/" + reviewId + "/bundle", reviewerAccount.token());
        java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        JsonObject manifest = jakarta.json.Json.createReader(new ByteArrayInputStream(entries.get("manifest.json")))
                .readObject();

        assertThat(zip.status()).isEqualTo(200);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", first + ".p7m", second + ".p7m");
        assertThat(manifest.getJsonArray("documents")).hasSize(2);
        for (JsonObject d : manifest.getJsonArray("documents").getValuesAs(JsonObject.class)) {
            byte[] envelope = entries.get(d.getString("file"));
            assertThat(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(envelope)))
                    .isEqualTo(d.getString("sha256"));
        }
        Envelopes.opener(reviewer).open(new ByteArrayInputStream(entries.get(first + ".p7m")), dir.resolve("first"));
        assertThat(api.getBytes(
                                "/api/v1/reviews/" + reviewId + "/bundle",
                                api.newAccount("REVIEWER").token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void plainUpload_isSealedByTheServerToTheRecipients_andNoPlaintextIsWritten(ServerProcess server) throws Exception {
        String marker = "PLAINTEXT-MARKER-" + Api.unique();
        byte[] plain = (marker + " Individual Management Review typed in a browser. ")
                .repeat(3000)
                .getBytes();

        Api.Reply up = api.send(
                "POST",
                "/api/v1/reviews/" + reviewId + "/documents/plain?type=IMR&title=Browser%20IMR",
                w.police().token(),
                "application/octet-stream",
                plain);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String docId = up.json().getString("id");
        OpenedEnvelope opened = Envelopes.opener(reviewer, ca())
                .open(
                        new ByteArrayInputStream(
                                api.getBytes("/api/v1/documents/" + docId + "/content", reviewerAccount.token())
                                        .body()),
                        dir.resolve("plain"));

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(Files.readAllBytes(dir.resolve("plain"))).isEqualTo(plain);
        assertThat(opened.signedBy()).contains("upload gateway");
        try (var files = Files.walk(server.dataDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.size(f) < 512L * 1024 * 1024) {
                    assertThat(ByteSearch.contains(Files.readAllBytes(f), marker.getBytes()))
                            .as(f.toString())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void outerSignature_byTheUploadersOwnKey_isAccepted_andAnyOtherSignerIsRefused() throws Exception {
        List<X509Certificate> recipients = recipients(w.police().token());
        byte[] plain = bytes(5000);
        byte[] envelope = seal(agency, recipients, plain);
        var kp = java.security.KeyPairGenerator.getInstance("EC");
        kp.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var pair = kp.generateKeyPair();
        long now = System.currentTimeMillis();
        X509Certificate selfSigned = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                                new org.bouncycastle.asn1.x500.X500Name("CN=Impostor"),
                                java.math.BigInteger.TEN,
                                new java.util.Date(now - 60_000),
                                new java.util.Date(now + 86_400_000L),
                                new org.bouncycastle.asn1.x500.X500Name("CN=Impostor"),
                                pair.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                                .build(pair.getPrivate())));

        Api.Reply byUploader = upload(w.police().token(), outerSign(agency, envelope), "IMR", null);
        Api.Reply byReviewer = upload(w.police().token(), outerSign(reviewer, envelope), "IMR", null);
        Api.Reply byImpostor = upload(
                w.police().token(), outerSign(Identity.of(pair.getPrivate(), selfSigned), envelope), "IMR", null);
        byte[] flipped = outerSign(agency, envelope);
        flipped[flipped.length - 10] ^= 1;
        Api.Reply tampered = upload(w.police().token(), flipped, "IMR", null);
        api.post(
                "/api/v1/keys/" + agency.certificate().getSerialNumber().toString(16) + "/revoke",
                w.police().token(),
                "");
        Api.Reply revoked = upload(w.police().token(), outerSign(agency, envelope), "IMR", null);

        assertThat(byUploader.status()).as(byUploader.body()).isEqualTo(201);
        Envelopes.opener(reviewer, ca())
                .open(
                        new ByteArrayInputStream(api.getBytes(
                                        "/api/v1/documents/" + byUploader.json().getString("id") + "/content",
                                        reviewerAccount.token())
                                .body()),
                        dir.resolve("outer"));
        assertThat(Files.readAllBytes(dir.resolve("outer"))).isEqualTo(plain);
        assertThat(byReviewer.status()).isEqualTo(415);
        assertThat(byReviewer.body()).contains("other than the uploader");
        assertThat(byImpostor.status()).isEqualTo(415);
        assertThat(tampered.status()).isEqualTo(415);
        assertThat(revoked.status()).isEqualTo(415);
        assertThat(revoked.body()).contains("revoked");
    }

    static byte[] outerSign(Identity signer, byte[] envelope) throws Exception {
        var gen = new org.bouncycastle.cms.CMSSignedDataGenerator();
        String alg = signer.privateKey().getAlgorithm().equals("RSA") ? "SHA256withRSAandMGF1" : "SHA256withECDSA";
        gen.addSignerInfoGenerator(new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                        new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
                .build(
                        new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(alg).build(signer.privateKey()),
                        signer.certificate()));
        gen.addCertificate(new org.bouncycastle.cert.X509CertificateHolder(
                signer.certificate().getEncoded()));
        return gen.generate(new org.bouncycastle.cms.CMSProcessableByteArray(envelope), true)
                .getEncoded("DER");
    }

    @Test
    void boardOfficer_fetchesThroughTheBoardKey() throws Exception {
        byte[] imr = bytes(5000);
        String docId = upload(
                        w.police().token(), seal(agency, recipients(w.police().token()), imr), "IMR", null)
                .json()
                .getString("id");

        Api.Bytes envelope = api.getBytes(
                "/api/v1/documents/" + docId + "/content", w.officer().token());
        Envelopes.opener(board, ca()).open(new ByteArrayInputStream(envelope.body()), dir.resolve("b"));

        assertThat(Files.readAllBytes(dir.resolve("b"))).isEqualTo(imr);
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/documents",
                                w.officer().token())
                        .body())
                .contains(docId);
    }

    @Test
    void sameUploadIdTwice_landsOnce() throws Exception {
        byte[] envelope = seal(agency, recipients(w.police().token()), bytes(2000));
        String key = "upload-" + Api.unique();

        Api.Reply first = upload(w.police().token(), envelope, "IMR", key);
        Api.Reply second = upload(w.police().token(), envelope, "IMR", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
    }

    @Test
    void sameUploadIdSentTwiceAtOnce_landsExactlyOnce() throws Exception {
        byte[] envelope = seal(agency, recipients(w.police().token()), bytes(2 << 20));
        String key = "race-" + Api.unique();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replies.add(two.submit(() -> {
                go.await();
                return upload(w.police().token(), envelope, "IMR", key);
            }));
        }
        go.countDown();
        Api.Reply a = replies.get(0).get();
        Api.Reply b = replies.get(1).get();
        two.shutdown();

        assertThat(List.of(a.status(), b.status())).containsAnyOf(201).allMatch(s -> s == 200 || s == 201);
        assertThat(a.json().getString("id")).isEqualTo(b.json().getString("id"));
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/documents",
                                w.officer().token())
                        .value()
                        .asJsonArray())
                .hasSize(1);
    }

    @Test
    void envelopesOutsideTheRulesAreRefused_andNothingIsStored() throws Exception {
        List<X509Certificate> recipients = recipients(w.police().token());
        Identity stranger = KeyHolder.enrol(api, api.newAccount("AGENCY_USER").token(), null, false);

        Api.Reply plain = upload(w.police().token(), "an IMR in plain text".getBytes(), "IMR", null);
        Api.Reply missingBoard =
                upload(w.police().token(), seal(agency, List.of(reviewer.certificate()), bytes(100)), "IMR", null);
        Api.Reply withStranger = upload(
                w.police().token(),
                seal(agency, List.of(recipients.get(0), recipients.get(1), stranger.certificate()), bytes(100)),
                "IMR",
                null);
        byte[] good = seal(agency, recipients, bytes(100));
        Api.Reply truncated = upload(w.police().token(), java.util.Arrays.copyOf(good, good.length - 5), "IMR", null);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        Api.Reply withTrailingByte = upload(w.police().token(), trailing, "IMR", null);
        Api.Reply unknownType = upload(w.police().token(), good, "DIARY", null);

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.error()).isEqualTo("unsupported_envelope");
        assertThat(missingBoard.status()).isEqualTo(400);
        assertThat(missingBoard.error()).isEqualTo("recipient_set");
        assertThat(withStranger.status()).isEqualTo(400);
        assertThat(truncated.status()).isEqualTo(415);
        assertThat(withTrailingByte.status()).isEqualTo(415);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/documents",
                                w.officer().token())
                        .body())
                .isEqualTo("[]");
    }

    @Test
    void agencyOfAnotherReview_cannotUploadOrSee() throws Exception {
        Api.Login outsider = api.newAccount("AGENCY_USER");
        byte[] envelope = seal(agency, recipients(w.police().token()), bytes(100));

        assertThat(upload(outsider.token(), envelope, "IMR", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reviews/" + reviewId + "/recipients", outsider.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reviews/" + reviewId + "/documents", outsider.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void certificates_areListedAndRevocable_byTheirOwnerOnly_andARevokedOneIsNoLongerARecipient() throws Exception {
        String id = reviewer.certificate().getSerialNumber().toString(16);
        Api.Reply mine = api.get("/api/v1/keys/mine", reviewerAccount.token());

        Api.Reply byStranger =
                api.post("/api/v1/keys/" + id + "/revoke", w.police().token(), "");
        Api.Reply byOwner = api.post("/api/v1/keys/" + id + "/revoke", reviewerAccount.token(), "");

        assertThat(mine.body()).contains(id).contains("ACTIVE");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(200);
        assertThat(byOwner.json().getString("status")).isEqualTo("REVOKED");
        assertThat(recipients(w.police().token())).hasSize(1);
        assertThat(ReviewsIT.auditAll(api)).contains("CERTIFICATE_ISSUED", "CERTIFICATE_REVOKED");
    }

    @Test
    void enrolment_refusesWeakKeysAndJunk_andBoardKeysAreForBoardOfficersOnly() throws Exception {
        var g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var kp = g.generateKeyPair();
        var csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                        new org.bouncycastle.asn1.x500.X500Name("CN=x"), kp.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                        .build(kp.getPrivate()));
        java.io.StringWriter pem = new java.io.StringWriter();
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(pem)) {
            writer.writeObject(csr);
        }

        Api.Reply weak = api.send(
                "POST",
                "/api/v1/keys/enrol",
                w.police().token(),
                "application/pkcs10",
                pem.toString().getBytes());
        Api.Reply junk =
                api.send("POST", "/api/v1/keys/enrol", w.police().token(), "application/pkcs10", "hello".getBytes());
        Api.Reply agencyBoardKey = api.send(
                "POST",
                "/api/v1/keys/enrol?for=board",
                w.police().token(),
                "application/pkcs10",
                pem.toString().getBytes());

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("3072");
        assertThat(junk.status()).isEqualTo(400);
        assertThat(agencyBoardKey.status()).isIn(400, 403);
        // a second board key is refused while the first is active: nobody adds a key every document must be encrypted
        // to
        Api.Reply secondBoardKey = api.send(
                "POST",
                "/api/v1/keys/enrol?for=board",
                w.officer().token(),
                "application/pkcs10",
                pem.toString().getBytes());
        assertThat(secondBoardKey.status()).isEqualTo(409);
        assertThat(secondBoardKey.error()).isEqualTo("board_key_exists");
        assertThat(api.send(
                                "POST",
                                "/api/v1/keys/enrol",
                                null,
                                "application/pkcs10",
                                pem.toString().getBytes())
                        .status())
                .isEqualTo(401);
    }

    private List<X509Certificate> recipients(String token) throws Exception {
        return KeyHolder.certificates(api.get("/api/v1/reviews/" + reviewId + "/recipients?format=pem", token)
                .body());
    }

    private X509Certificate ca() throws Exception {
        return KeyHolder.certificates(api.get("/api/v1/ca", null).body()).get(0);
    }

    private Api.Reply upload(String token, byte[] envelope, String type, String idempotencyKey) {
        String path = "/api/v1/reviews/" + reviewId + "/documents?type=" + type + "&title=IMR%20of%20the%20police";
        if (idempotencyKey != null) {
            path += "&uploadId=" + idempotencyKey;
        }
        return api.send("POST", path, token, "application/pkcs7-mime", envelope);
    }

    /** Byte search, for proving that no plaintext reached the disk. */
    static final class ByteSearch {
        static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    static byte[] seal(Identity author, List<X509Certificate> recipients, byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelopes.sealer(author, recipients).seal(new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
