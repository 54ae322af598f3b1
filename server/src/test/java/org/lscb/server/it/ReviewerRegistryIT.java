package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reviewer register over HTTP: profiles, evidence, verification, affiliations, search. */
@ExtendWith(SharedServer.class)
class ReviewerRegistryIT {

    @Test
    void officerFindsQualifiedIndependentReviewers_withFacetCounts(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String police = api.newOrganisation("POLICE");
        String health = api.newOrganisation("HEALTH");
        String tag = "zq" + Api.unique();
        String conflicted = reviewer(api, officer, "Conflicted " + tag, "HEALTH", "LONDON");
        String independent = reviewer(api, officer, "Independent " + tag, "HEALTH", "NORTH_WEST");
        String unqualified = reviewer(api, officer, "Unqualified " + tag, "POLICE", "LONDON");
        verifiedTraining(api, officer, conflicted);
        verifiedTraining(api, officer, independent);
        affiliation(
                api,
                officer.token(),
                conflicted,
                police,
                TestClock.today().minusYears(10).toString(),
                null);
        affiliation(api, officer.token(), independent, police, "2001-01-01", "2010-12-31");

        JsonObject all = search(api, officer.token(), "q=" + tag);
        JsonObject qualifiedIndependent =
                search(api, officer.token(), "q=" + tag + "&qualified=true&independentOf=" + police + "," + health);

        assertThat(all.getJsonNumber("total").longValue()).isEqualTo(3);
        assertThat(all.getJsonObject("facets").getJsonObject("expertise").getInt("HEALTH"))
                .isEqualTo(2);
        assertThat(all.getJsonObject("facets").getJsonObject("region").getInt("LONDON"))
                .isEqualTo(2);
        assertThat(all.getJsonObject("facets").getJsonObject("qualified").getInt("true"))
                .isEqualTo(2);
        assertThat(ids(qualifiedIndependent)).containsExactly(independent);
        assertThat(ids(search(api, officer.token(), "q=" + tag + "&qualified=false")))
                .containsExactly(unqualified);
    }

    @Test
    void changes_areSearchableAtOnce(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String before = "before" + Api.unique();
        String after = "after" + Api.unique();
        String id = reviewer(api, officer, "Name " + before, "EDUCATION", "SOUTH_WEST");

        Api.Reply put = api.send(
                "PUT",
                "/api/v1/reviewers/" + id,
                officer.token(),
                "application/json",
                ("{\"displayName\":\"Name " + after + "\",\"expertise\":[\"EDUCATION\"],\"regions\":[\"SOUTH_WEST\"]}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(put.status()).isEqualTo(200);
        assertThat(ids(search(api, officer.token(), "q=" + after))).containsExactly(id);
        assertThat(search(api, officer.token(), "q=" + before)
                        .getJsonNumber("total")
                        .longValue())
                .isZero();
    }

    @Test
    void reviewer_editsOwnProfileButSeesNoOneElses(Api api) {
        Api.Login reviewer = api.newAccount("REVIEWER");
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String other = reviewer(api, officer, "Someone Else " + Api.unique(), "HEALTH", "LONDON");

        Api.Reply own =
                api.post("/api/v1/reviewers", reviewer.token(), profile("Me " + Api.unique(), "POLICE", "LONDON"));
        String ownId = own.json().getString("id");

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().getString("accountId")).isEqualTo(reviewer.id());
        assertThat(api.get("/api/v1/reviewers/" + ownId, reviewer.token()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/reviewers/" + ownId + "/evidence", reviewer.token(), training())
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/reviewers/" + other, reviewer.token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/reviewers/" + other + "/evidence", reviewer.token(), training())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reviewers", reviewer.token()).status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/reviewers",
                                reviewer.token(),
                                profile("Second " + Api.unique(), "POLICE", "LONDON"))
                        .status())
                .isEqualTo(400);
        assertThat(ReviewsIT.auditEntries(api).stream()
                        .filter(e -> other.equals(e.getString("objectId", null)))
                        .map(e -> e.getString("action")))
                .as("both refusals audited")
                .containsSubsequence("REVIEWER_ACCESS_REFUSED", "REVIEWER_ACCESS_REFUSED");
    }

    @Test
    void reviewerNeverVerifiesOwnEvidence_evenWhenAlsoAnOfficer(Api api) {
        String board = api.newOrganisation("LSCB");
        Api.Login both = newAccountWithRoles(api, board, "REVIEWER", "LSCB_OFFICER");
        Api.Login plainReviewer = api.newAccount("REVIEWER");
        String own = api.post(
                        "/api/v1/reviewers",
                        plainReviewer.token(),
                        profile("Plain " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        String eid = api.post("/api/v1/reviewers/" + own + "/evidence", plainReviewer.token(), training())
                .json()
                .getString("id");

        // the plain reviewer has no right to verify at all
        assertThat(api.post(
                                "/api/v1/reviewers/" + own + "/evidence/" + eid + "/verification",
                                plainReviewer.token(),
                                "{\"verified\":true}")
                        .status())
                .isEqualTo(403);

        // an officer who is also a reviewer registers their own profile and cannot verify its evidence
        Api.Reply mine =
                api.post("/api/v1/reviewers", both.token(), profile("Both " + Api.unique(), "HEALTH", "LONDON"));
        assertThat(mine.json().getString("accountId")).isEqualTo(both.id());
        String mineId = mine.json().getString("id");
        String mineEvidence = api.post("/api/v1/reviewers/" + mineId + "/evidence", both.token(), training())
                .json()
                .getString("id");
        Api.Reply self = api.post(
                "/api/v1/reviewers/" + mineId + "/evidence/" + mineEvidence + "/verification",
                both.token(),
                "{\"verified\":true}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.error()).isEqualTo("self_verification");
        assertThat(api.get("/api/v1/reviewers/" + mineId, both.token()).json().getBoolean("qualified"))
                .isFalse();

        // but may verify someone else's
        assertThat(api.post(
                                "/api/v1/reviewers/" + own + "/evidence/" + eid + "/verification",
                                both.token(),
                                "{\"verified\":true,\"note\":\"seen\"}")
                        .json()
                        .getBoolean("qualified"))
                .isTrue();
    }

    @Test
    void withdrawnEvidence_stopsCountingAtOnce(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String tag = "wd" + Api.unique();
        String id = reviewer(api, officer, "Withdrawn " + tag, "HEALTH", "LONDON");
        String eid = api.post("/api/v1/reviewers/" + id + "/evidence", officer.token(), training())
                .json()
                .getString("id");
        String verification = "/api/v1/reviewers/" + id + "/evidence/" + eid + "/verification";
        assertThat(api.post(verification, officer.token(), "{\"verified\":true}")
                        .json()
                        .getBoolean("qualified"))
                .isTrue();

        JsonObject after = api.post(
                        verification, officer.token(), "{\"verified\":false,\"note\":\"certificate forged\"}")
                .json();

        assertThat(after.getBoolean("qualified")).isFalse();
        assertThat(ids(search(api, officer.token(), "q=" + tag + "&qualified=true")))
                .isEmpty();
        assertThat(ids(search(api, officer.token(), "q=" + tag + "&qualified=false")))
                .containsExactly(id);
    }

    @Test
    void verificationAndSearch_areRefusedToRolesWithoutTheRight(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String id = reviewer(api, officer, "Target " + Api.unique(), "HEALTH", "LONDON");
        String eid = api.post("/api/v1/reviewers/" + id + "/evidence", officer.token(), training())
                .json()
                .getString("id");
        for (String role : List.of("AGENCY_USER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER")) {
            Api.Login user = api.newAccount(role);
            assertThat(api.get("/api/v1/reviewers", user.token()).status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/reviewers/" + id, user.token()).status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/reviewers", user.token(), profile("X", "HEALTH", "LONDON"))
                            .status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.post(
                                    "/api/v1/reviewers/" + id + "/evidence/" + eid + "/verification",
                                    user.token(),
                                    "{\"verified\":true}")
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        assertThat(api.post(
                                "/api/v1/reviewers/" + id + "/evidence/" + eid + "/verification",
                                api.adminToken(),
                                "{\"verified\":true}")
                        .status())
                .as("docs/domain.md: evidence is verified by an LSCB officer")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/reviewers", null).status()).isEqualTo(401);
    }

    @Test
    void changes_areAudited(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);
        String id = reviewer(api, officer, "Audited " + Api.unique(), "HEALTH", "LONDON");
        verifiedTraining(api, officer, id);

        var recent = AuditIT.since(api, officer.token(), before, null);
        Set<String> actions = recent.stream()
                .filter(e -> id.equals(e.getString("objectId", null)))
                .map(e -> e.getString("action"))
                .collect(Collectors.toSet());

        assertThat(actions).contains("REVIEWER_CREATED", "EVIDENCE_ADDED", "EVIDENCE_VERIFIED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*:*", "x OR *", "*a", "\"open", "/.*/", "\\", "a AND (b", "name:x^9"})
    void querySyntax_answersNormally(String typed, Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");

        Api.Reply r =
                api.get("/api/v1/reviewers?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8), officer.token());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().containsKey("total")).isTrue();
    }

    @Test
    void fiveThousandTerms_answerNormally(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String typed =
                java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));

        Api.Reply search =
                api.get("/api/v1/reviewers?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8), officer.token());

        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().getJsonNumber("total").longValue()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "expertise=ASTROLOGY",
                "region=ATLANTIS",
                "evidence=RUMOUR",
                "qualified=maybe",
                "available=1",
                "size=101",
                "size=0",
                "page=-1",
                "page=9999",
                "independentOf=00000000-0000-0000-0000-000000000000"
            })
    void badSearchParameters_are400(String query, Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");

        Api.Reply r = api.get("/api/v1/reviewers?" + query, officer.token());

        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
    }

    @Test
    void badProfileAndPartBodies_are400AndStoreNothing(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        String org = api.newOrganisation("POLICE");
        String id = reviewer(api, officer, "Bad Input " + Api.unique(), "HEALTH", "LONDON");
        String base = "/api/v1/reviewers/" + id;

        assertThat(api.post("/api/v1/reviewers", officer.token(), "{\"displayName\":\"x\",\"expertise\":[\"NOPE\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/reviewers", officer.token(), "{\"displayName\":\"" + "x".repeat(300) + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                base + "/affiliations",
                                officer.token(),
                                "{\"organisationId\":\"" + org
                                        + "\",\"kind\":\"EMPLOYMENT\",\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}")
                        .json()
                        .getJsonObject("details")
                        .getString("field"))
                .isEqualTo("to");
        assertThat(api.post(
                                base + "/affiliations",
                                officer.token(),
                                "{\"organisationId\":\"no-such-org\",\"kind\":\"EMPLOYMENT\",\"from\":\"2020-01-01\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                base + "/affiliations",
                                officer.token(),
                                "{\"organisationId\":\"" + org + "\",\"kind\":\"FRIEND\",\"from\":\"2020-01-01\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                base + "/affiliations",
                                officer.token(),
                                "{\"organisationId\":\"" + org + "\",\"kind\":\"EMPLOYMENT\",\"from\":\"last year\"}")
                        .json()
                        .getJsonObject("details")
                        .getString("field"))
                .isEqualTo("from");
        assertThat(api.post(
                                base + "/evidence",
                                officer.token(),
                                "{\"type\":\"TRAINING\",\"title\":\"x\",\"date\":\""
                                        + TestClock.today().plusDays(3) + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(base + "/evidence/no-such-evidence/verification", officer.token(), "{\"verified\":true}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/interests", officer.token(), "{\"description\":\"  \"}")
                        .json()
                        .getJsonObject("details")
                        .getString("field"))
                .isEqualTo("description");
        assertThat(api.post(
                                base + "/interests",
                                officer.token(),
                                "{\"description\":\"Cousin\",\"organisationId\":\"no-such-org\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.send(
                                "PUT",
                                base,
                                officer.token(),
                                "application/json",
                                "{\"displayName\":\"\"}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                base + "/evidence",
                                officer.token(),
                                "{\"type\":\"TRAINING\",\"title\":\"x\",\"date\":\"2020-01-01\",\"expires\":\"2019-01-01\"}")
                        .json()
                        .getJsonObject("details")
                        .getString("field"))
                .isEqualTo("expires");
        assertThat(api.get("/api/v1/reviewers/no-such-reviewer", officer.token())
                        .status())
                .isEqualTo(404);

        JsonObject unchanged = api.get(base, officer.token()).json();
        assertThat(unchanged.getJsonArray("affiliations")).isEmpty();
        assertThat(unchanged.getJsonArray("evidence")).isEmpty();
        assertThat(unchanged.getJsonArray("interests")).isEmpty();
        assertThat(unchanged.getString("displayName")).startsWith("Bad Input ");
    }

    // --- helpers

    static String reviewer(Api api, Api.Login officer, String name, String expertise, String region) {
        Api.Reply r = api.post("/api/v1/reviewers", officer.token(), profile(name, expertise, region));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    static String profile(String name, String expertise, String region) {
        return "{\"displayName\":\"" + name + "\",\"summary\":\"Systems reviewer.\",\"expertise\":[\"" + expertise
                + "\"],\"skills\":[\"INVESTIGATION\"],\"regions\":[\"" + region + "\"],\"available\":true}";
    }

    static String training() {
        return "{\"type\":\"TRAINING\",\"title\":\"Learning Together\",\"issuer\":\"SCIE\",\"date\":\""
                + TestClock.today().minusYears(1) + "\"}";
    }

    static void verifiedTraining(Api api, Api.Login officer, String reviewerId) {
        String eid = api.post("/api/v1/reviewers/" + reviewerId + "/evidence", officer.token(), training())
                .json()
                .getString("id");
        Api.Reply v = api.post(
                "/api/v1/reviewers/" + reviewerId + "/evidence/" + eid + "/verification",
                officer.token(),
                "{\"verified\":true,\"note\":\"certificate seen\"}");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
    }

    static void affiliation(Api api, String token, String reviewerId, String org, String from, String to) {
        String body = "{\"organisationId\":\"" + org + "\",\"kind\":\"EMPLOYMENT\",\"role\":\"Officer\",\"from\":\""
                + from + "\"" + (to == null ? "" : ",\"to\":\"" + to + "\"") + "}";
        Api.Reply r = api.post("/api/v1/reviewers/" + reviewerId + "/affiliations", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static JsonObject search(Api api, String token, String query) {
        Api.Reply r = api.get("/api/v1/reviewers?" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> ids(JsonObject answer) {
        return answer.getJsonArray("hits").stream()
                .map(v -> ((JsonObject) v).getString("id"))
                .toList();
    }

    static Api.Login newAccountWithRoles(Api api, String org, String... roles) {
        String username = "u" + Api.unique();
        String password = "pw-" + Api.unique() + Api.unique();
        var rolesJson = jakarta.json.Json.createArrayBuilder();
        for (String role : roles) {
            rolesJson.add(role);
        }
        String body = jakarta.json.Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Two roles")
                .add("roles", rolesJson)
                .add("organisationId", org)
                .add("password", password)
                .build()
                .toString();
        Api.Reply r = api.post("/api/v1/accounts", api.adminToken(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Api.Login(r.json().getString("id"), username, password, api.token(username, password), org);
    }
}
