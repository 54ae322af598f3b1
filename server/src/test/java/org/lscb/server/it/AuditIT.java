package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-ins, account and organisation changes are audited; the chain verifies; checkpoints are signed. */
@ExtendWith(SharedServer.class)
class AuditIT {

    @Test
    void organisationAndAccountChanges_areAuditedWithTheActor(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);
        Api.Reply created = api.post(
                "/api/v1/organisations",
                officer.token(),
                "{\"name\":\"Audited Org " + Api.unique() + "\",\"kind\":\"EDUCATION\"}");
        String orgId = created.json().getString("id");

        var entries = since(api, officer.token(), before, null);

        assertThat(entries.stream()
                        .anyMatch(e -> e.getString("action").equals("ORGANISATION_CREATED")
                                && e.getString("objectId").equals(orgId)
                                && e.getString("actor").equals(officer.id())))
                .isTrue();
    }

    @Test
    void failedAndSuccessfulSignIns_areAudited(Api api) {
        Api.Login user = api.newAccount("REVIEWER");
        api.signIn(user.username(), "wrong password here");
        api.signIn(user.username(), user.password());
        String admin = api.adminToken();

        var entries = api.get("/api/v1/audit?size=100&page=" + lastPage(api, admin), admin)
                .json()
                .getJsonArray("entries");

        assertThat(entries.stream()
                        .map(v -> (JsonObject) v)
                        .anyMatch(e -> e.getString("action").equals("SIGN_IN_FAILED")
                                && e.getString("objectId").equals(user.username())))
                .isTrue();
        assertThat(entries.stream()
                        .map(v -> (JsonObject) v)
                        .anyMatch(e -> e.getString("action").equals("SIGN_IN_SUCCEEDED")
                                && e.getString("actor").equals(user.id())))
                .isTrue();
    }

    @Test
    void chain_verifiesAfterActivity(Api api) {
        api.newAccount("AGENCY_USER");

        JsonObject v = api.get("/api/v1/audit/verify", api.adminToken()).json();

        assertThat(v.getBoolean("valid")).isTrue();
        assertThat(v.getJsonNumber("entries").longValue()).isPositive();
        assertThat(v.getString("head")).hasSize(64);
        assertThat(v.containsKey("firstBadIndex")).isFalse();
    }

    @Test
    void checkpoint_isSignedByAKeyPublishedAtJwks(Api api) throws Exception {
        String admin = api.adminToken();

        JsonObject cp = api.get("/api/v1/audit/checkpoint", admin).json();
        SignedJWT signature = SignedJWT.parse(cp.getString("signature"));
        RSAKey key = (RSAKey) JWKSet.parse(api.get("/api/v1/auth/jwks", null).body())
                .getKeyByKeyId(signature.getHeader().getKeyID());

        assertThat(signature.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(signature.getJWTClaimsSet().getStringClaim("head")).isEqualTo(cp.getString("head"));
        assertThat(signature.getJWTClaimsSet().getLongClaim("entries"))
                .isEqualTo(cp.getJsonNumber("entries").longValue());
    }

    @Test
    void auditQuery_withTimesOutOfOrder_is400(Api api) {
        Api.Reply r = api.get("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", api.adminToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("to");
        assertThat(api.get("/api/v1/audit?from=yesterday", api.adminToken()).status())
                .isEqualTo(400);
    }

    @Test
    void aBoardsOfficer_readsTheAuditOfTheReviewsTheBoardLeads_andNoOtherBoards(Api api) {
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);
        ReviewWorld w = ReviewWorld.create(api);
        String reviewId = w.openScr(3).getString("id");
        Api.Login otherBoardsOfficer = api.newAccount("LSCB_OFFICER");

        var lead = since(api, w.officer().token(), before, reviewId);
        var other = since(api, otherBoardsOfficer.token(), before, reviewId);
        var otherUnfiltered = since(api, otherBoardsOfficer.token(), before, null);

        assertThat(lead).isNotEmpty().allMatch(e -> reviewId.equals(e.getString("reviewId", null)));
        assertThat(other).isEmpty();
        assertThat(otherUnfiltered).isNotEmpty().noneMatch(e -> reviewId.equals(e.getString("reviewId", null)));
        assertThat(since(api, api.adminToken(), before, reviewId)).hasSameSizeAs(lead);
    }

    /** The entries the caller may read since {@code from}, optionally of one review, every page. */
    static java.util.List<JsonObject> since(Api api, String token, java.time.Instant from, String reviewId) {
        java.util.List<JsonObject> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var entries = api.get(
                            "/api/v1/audit?size=100&page=" + page + "&from=" + from
                                    + (reviewId == null ? "" : "&reviewId=" + reviewId),
                            token)
                    .json()
                    .getJsonArray("entries")
                    .getValuesAs(JsonObject.class);
            all.addAll(entries);
            if (entries.size() < 100) {
                return all;
            }
        }
    }

    private static long lastPage(Api api, String token) {
        long entries = api.get("/api/v1/audit/verify", token)
                .json()
                .getJsonNumber("entries")
                .longValue();
        return Math.max(0, (entries - 1) / 100);
    }
}
