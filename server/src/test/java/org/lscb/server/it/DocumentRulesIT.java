package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * Rules of the exchange that a review of the code found unenforced: the envelope inside an outer
 * signature is framing-checked too (B1), an upload id is a retry only on its own review, a grant only adds
 * recipients, the inbox follows appointments, a signed receipt is signed by the recipient, and a board has
 * one board key at a time even when its officers enrol at once.
 */
@ExtendWith(SharedServer.class)
class DocumentRulesIT {

    private Api api;
    private ReviewWorld w;
    private String reviewId;
    private Identity board;
    private Identity agency;

    @BeforeEach
    void world(Api api) throws Exception {
        this.api = api;
        w = ReviewWorld.create(api);
        reviewId = w.openScr(3).getString("id");
        board = KeyHolder.enrol(api, w.officer().token(), "board", false);
        agency = KeyHolder.enrol(api, w.police().token(), null, false);
    }

    @Test
    void aTruncatedOrPaddedEnvelope_insideAValidOuterSignature_isRefused_andNothingStored() throws Exception {
        byte[] good = ExchangeIT.seal(agency, recipients(reviewId), ExchangeIT.bytes(3000));

        Api.Reply padded = upload(reviewId, ExchangeIT.outerSign(agency, Arrays.copyOf(good, good.length + 7)), null);
        Api.Reply truncated =
                upload(reviewId, ExchangeIT.outerSign(agency, Arrays.copyOf(good, good.length - 40)), null);

        assertThat(padded.status()).as(padded.body()).isEqualTo(415);
        assertThat(padded.body())
                .contains("malformed CMS inside the outer signature")
                .contains("trailing bytes");
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(415);
        assertThat(truncated.body())
                .contains("malformed CMS inside the outer signature")
                .contains("truncated");
        assertThat(documents(reviewId)).isEmpty();
        assertThat(upload(reviewId, ExchangeIT.outerSign(agency, good), null).status())
                .isEqualTo(201);
    }

    @Test
    void anUploadIdUsedOnAnotherReview_is409_andStoresNothingThere() throws Exception {
        String other = w.openScr(2).getString("id");
        String key = "k-" + Api.unique();
        assertThat(upload(reviewId, ExchangeIT.seal(agency, recipients(reviewId), ExchangeIT.bytes(100)), key)
                        .status())
                .isEqualTo(201);

        Api.Reply reused = upload(other, ExchangeIT.seal(agency, recipients(other), ExchangeIT.bytes(200)), key);

        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.json().getString("error")).isEqualTo("upload_id_reused");
        assertThat(documents(other)).isEmpty();
        Api.Reply retry = upload(reviewId, ExchangeIT.seal(agency, recipients(reviewId), ExchangeIT.bytes(100)), key);
        assertThat(retry.status())
                .as("a retry on its own review still lands once")
                .isEqualTo(200);
    }

    @Test
    void aGrantToSomeoneTheDocumentIsAlreadyEncryptedTo_is409_andTheEnvelopeIsUnchanged() throws Exception {
        String docId = upload(reviewId, ExchangeIT.seal(agency, recipients(reviewId), ExchangeIT.bytes(500)), null)
                .json()
                .getString("id");
        byte[] envelope = api.getBytes(
                        "/api/v1/documents/" + docId + "/content", w.officer().token())
                .body();
        byte[] again = Envelopes.granter(board).grant(new ByteArrayInputStream(envelope), List.of(board.certificate()));

        Api.Reply replacing = api.send(
                "POST",
                "/api/v1/documents/" + docId + "/recipients",
                w.officer().token(),
                "application/octet-stream",
                again);

        assertThat(replacing.status()).as(replacing.body()).isEqualTo(409);
        assertThat(replacing.json().getString("error")).isEqualTo("already_recipient");
        assertThat(api.getBytes(
                                "/api/v1/documents/" + docId + "/content",
                                w.officer().token())
                        .body())
                .isEqualTo(envelope);
    }

    @Test
    void theInbox_dropsAReviewsDocuments_whenTheAppointmentEnds_evenForSomeoneAlsoInAnInvolvedAgency()
            throws Exception {
        String cdr = w.openChildDeath(3).getString("id");
        String username = "u" + Api.unique();
        String password = "pw-" + java.util.UUID.randomUUID();
        Api.Reply account = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", "Dr Two Roles")
                        .add(
                                "roles",
                                Json.createArrayBuilder().add("PAEDIATRICIAN").add("AGENCY_USER"))
                        .add("password", password)
                        .add("organisationId", w.agencies().get(1))
                        .build()
                        .toString());
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String token = api.token(username, password);
        Api.Reply appointed = api.post(
                "/api/v1/reviews/" + cdr + "/appointments",
                w.officer().token(),
                "{\"accountId\":\"" + account.json().getString("id") + "\",\"role\":\"PAEDIATRICIAN\"}");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        KeyHolder.enrol(api, token, null, false);
        String docId = upload(cdr, ExchangeIT.seal(agency, recipients(cdr), ExchangeIT.bytes(100)), null)
                .json()
                .getString("id");
        assertThat(api.get("/api/v1/inbox", token).body()).contains(docId);

        api.send(
                "DELETE",
                "/api/v1/reviews/" + cdr + "/appointments/" + appointed.json().getString("id"),
                w.officer().token(),
                null,
                null);

        assertThat(api.get("/api/v1/documents/" + docId, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox", token).body()).doesNotContain(docId);
    }

    @Test
    void aSignedReceipt_isRecordedAsSigned_onlyWhenTheRecipientSignedTheDocumentsHash() throws Exception {
        Api.Login reviewer = api.newAccount("REVIEWER");
        String profile = api.post(
                        "/api/v1/reviewers",
                        reviewer.token(),
                        ReviewerRegistryIT.profile("Receipt " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        assertThat(w.appoint(reviewId, profile, "LEAD_REVIEWER").status()).isEqualTo(201);
        Identity reviewersKey = KeyHolder.enrol(api, reviewer.token(), null, false);
        JsonObject doc = upload(reviewId, ExchangeIT.seal(agency, recipients(reviewId), ExchangeIT.bytes(100)), null)
                .json();
        String docId = doc.getString("id");
        String sha256 = doc.getString("sha256");

        Api.Reply byTheBoardKey = receipt(reviewer, docId, detachedSignature(board, sha256));
        Api.Reply overAnotherHash = receipt(reviewer, docId, detachedSignature(reviewersKey, "00".repeat(32)));
        Api.Reply notBase64 = receipt(reviewer, docId, "QUFB=QUFB");
        Api.Reply signed = receipt(reviewer, docId, detachedSignature(reviewersKey, sha256));

        assertThat(byTheBoardKey.status()).as(byTheBoardKey.body()).isEqualTo(400);
        assertThat(byTheBoardKey.body()).contains("someone other than the recipient");
        assertThat(overAnotherHash.status()).as(overAnotherHash.body()).isEqualTo(400);
        assertThat(notBase64.status()).as(notBase64.body()).isEqualTo(400);
        assertThat(notBase64.body()).contains("must be base64 or PEM");
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().getBoolean("signed")).isTrue();
    }

    @Test
    void officersEnrollingBoardKeysAtOnce_leaveOneActiveBoardKey() throws Exception {
        String lscb = api.newOrganisation("LSCB");
        List<Api.Login> officers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            officers.add(api.newAccount("LSCB_OFFICER", lscb));
        }
        ExecutorService pool = Executors.newFixedThreadPool(officers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> all = new ArrayList<>();
        for (Api.Login o : officers) {
            all.add(pool.submit(() -> {
                go.await();
                return KeyHolder.tryEnrol(api, o.token(), "board", false).reply();
            }));
        }
        go.countDown();
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> f : all) {
            replies.add(f.get());
        }
        pool.shutdown();
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.error()).isEqualTo("board_key_exists");
        });
        List<JsonObject> boardKeys = api
                .get("/api/v1/keys/mine", officers.get(0).token())
                .value()
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> "BOARD".equals(c.getString("purpose")) && "ACTIVE".equals(c.getString("status")))
                .toList();
        assertThat(boardKeys).hasSize(1);
    }

    private List<X509Certificate> recipients(String review) throws Exception {
        return KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + review + "/recipients?format=pem",
                        w.police().token())
                .body());
    }

    private Api.Reply upload(String review, byte[] envelope, String uploadId) {
        return api.send(
                "POST",
                "/api/v1/reviews/" + review + "/documents?type=IMR&title=Rules"
                        + (uploadId == null ? "" : "&uploadId=" + uploadId),
                w.police().token(),
                "application/pkcs7-mime",
                envelope);
    }

    private List<JsonObject> documents(String review) {
        return api.get("/api/v1/reviews/" + review + "/documents", w.officer().token())
                .value()
                .asJsonArray()
                .getValuesAs(JsonObject.class);
    }

    private Api.Reply receipt(Api.Login by, String docId, String signature) {
        return api.post(
                "/api/v1/documents/" + docId + "/receipt",
                by.token(),
                Json.createObjectBuilder().add("signature", signature).build().toString());
    }

    /** What {@code printf %s <sha256> | openssl cms -sign -binary -md sha256 -outform DER | base64} makes. */
    static String detachedSignature(Identity signer, String sha256) throws Exception {
        var gen = new org.bouncycastle.cms.CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                        new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
                .build(
                        new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                                .build(signer.privateKey()),
                        signer.certificate()));
        gen.addCertificate(new org.bouncycastle.cert.X509CertificateHolder(
                signer.certificate().getEncoded()));
        byte[] der = gen.generate(
                        new org.bouncycastle.cms.CMSProcessableByteArray(sha256.getBytes(StandardCharsets.US_ASCII)),
                        false)
                .getEncoded("DER");
        return Base64.getEncoder().encodeToString(der);
    }
}
