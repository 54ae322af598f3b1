package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The child death overview panel through the API (docs/api.md "The panel", "Exports"): a notified death is analysed
 * by the panel, signed off once the analysis is recorded, its clocks stop, a referral opens a linked SCR awaiting the
 * Chair's decision [27, 38], and the board's annual return counts the signed-off reviews without anything that could
 * name or date a child [28].
 */
@ExtendWith(SharedServer.class)
class CdopPanelIT {

    private static final String NOTIFY = "/api/v1/child-death-notifications";

    /** An analysis of a sudden unexplained death, with a recommendation whose text no return may carry. */
    static String analysis(String health, String recommendation) {
        return "{\"category\":10,\"factors\":{\"intrinsicToChild\":\"1\",\"socialEnvironment\":\"2\","
                + "\"physicalEnvironment\":\"1*\",\"serviceProvision\":\"0\"},\"modifiableFactors\":\"IDENTIFIED\","
                + "\"recommendations\":[{\"text\":\"" + recommendation + "\",\"organisationId\":\"" + health + "\"}]}";
    }

    /** A death notified by the police of a baby {@code ageDays} days old, 20 hours ago. */
    static String notifiedDeath(Api api, ReviewWorld w, int ageDays) {
        Instant died = Instant.now().minus(Duration.ofHours(20));
        LocalDate diedOn = LocalDate.ofInstant(died, TestClock.ENGLAND);
        ChildDeathNotificationIT.Child child = new ChildDeathNotificationIT.Child(
                ChildDeathNotificationIT.Child.next().nhsNumber(), diedOn.minusDays(ageDays));
        Api.Reply r = api.post(
                NOTIFY,
                w.police().token(),
                ChildDeathNotificationIT.body(child, died, w.board(), Map.of()).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getJsonObject("review").getString("id");
    }

    static Api.Reply put(Api api, String path, String token, String json) {
        return api.send("PUT", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static Api.Reply getAccepting(Api api, String path, String token, String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
            if (accept != null) {
                b.header("Accept", accept);
            }
            HttpResponse<String> r =
                    HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reporting year of the server's today (signed-off reviews count in it). */
    static int thisYear() {
        LocalDate today = TestClock.today();
        return today.getMonthValue() >= Month.APRIL.getValue() ? today.getYear() + 1 : today.getYear();
    }

    @Test
    void notifiedDeath_analysedBySignedOff_referralOpensAnScr_andTheReturnCountsIt(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login cdop = api.newAccount("CDOP_MEMBER", w.board());
        String health = w.agencies().get(1);
        String secret = "ZQXRECOMMENDATION" + Api.unique();
        String id = notifiedDeath(api, w, 100);
        String base = "/api/v1/reviews/" + id;

        // the panel sees the board's child death review
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", cdop.token()).json()))
                .containsExactly(id);
        JsonObject seen = api.get(base, cdop.token()).json();
        assertThat(seen.getJsonArray("access").getString(0)).isEqualTo("LEAD_BOARD_CDOP_MEMBER");

        // sign-off is refused while the analysis is missing [27]
        Api.Reply early = api.post(base + "/cdop-sign-off", cdop.token(), "{}");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.error()).isEqualTo("analysis_incomplete");
        assertThat(api.get(base, cdop.token()).json().getString("status")).isEqualTo("IN_PROGRESS");

        // the panel records its analysis and reads it back
        Api.Reply recorded = put(api, base + "/cdop-analysis", cdop.token(), analysis(health, secret));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        JsonObject a = api.get(base + "/cdop-analysis", w.chair().token()).json();
        assertThat(a.getBoolean("recorded")).isTrue();
        assertThat(a.getInt("category")).isEqualTo(10);
        assertThat(a.getString("categoryScheme")).isEqualTo("DFE-FORM-C-2013");
        assertThat(a.getString("factorScale")).isEqualTo("DFE-FORM-C-2013-0-3");
        assertThat(a.getJsonObject("factors").getString("physicalEnvironment")).isEqualTo("1*");
        assertThat(a.getString("modifiableFactors")).isEqualTo("IDENTIFIED");
        assertThat(a.getJsonArray("recommendations").getJsonObject(0).getString("organisationId"))
                .isEqualTo(health);

        // the referral opens a linked SCR awaiting the Chair's decision [27, 38]
        Api.Reply referred = api.post(base + "/scr-referral", cdop.token(), "{}");
        assertThat(referred.status()).as(referred.body()).isEqualTo(200);
        String scrId = referred.json().getString("scrReferralReviewId");
        JsonObject scr =
                api.get("/api/v1/reviews/" + scrId, w.officer().token()).json();
        assertThat(scr.getString("type")).isEqualTo("SERIOUS_CASE_REVIEW");
        assertThat(scr.getString("status")).isEqualTo("AWAITING_DECISION");
        assertThat(scr.getString("referredFromReviewId")).isEqualTo(id);
        assertThat(scr.getString("leadLscbId")).isEqualTo(w.board());
        assertThat(api.get("/api/v1/reviews/" + scrId, cdop.token()).status())
                .as("the panel sees child death reviews, not SCRs")
                .isEqualTo(404);
        assertThat(api.post(base + "/scr-referral", cdop.token(), "{}").error()).isEqualTo("already_referred");

        // sign-off completes the review and stops its clocks
        Api.Reply signed = api.post(base + "/cdop-sign-off", cdop.token(), "{}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().getString("status")).isEqualTo("COMPLETED");
        assertThat(signed.json().getString("completedOn")).isNotNull();
        assertThat(signed.json().getJsonArray("clocks").getValuesAs(JsonObject.class))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.getString("status")).isIn("STOPPED", "MET"));
        for (String status : List.of("ON_TRACK", "DUE_SOON", "OVERDUE")) {
            assertThat(ReviewsIT.ids(api.get(
                                    "/api/v1/reviews?clock=" + status,
                                    w.officer().token())
                            .json()))
                    .as(status)
                    .doesNotContain(id);
        }
        assertThat(put(api, base + "/cdop-analysis", cdop.token(), analysis(health, "late"))
                        .error())
                .isEqualTo("review_closed");
        assertThat(ReviewsIT.audit(api, id))
                .contains("CDOP_ANALYSIS_RECORDED", "SCR_REFERRAL_MADE", "REVIEW_COMPLETED");

        // two more like it, and the return counts all three
        for (int i = 0; i < 2; i++) {
            String more = "/api/v1/reviews/" + notifiedDeath(api, w, 100);
            assertThat(put(api, more + "/cdop-analysis", w.officer().token(), analysis(health, secret))
                            .status())
                    .isEqualTo(200);
            assertThat(api.post(more + "/cdop-sign-off", w.officer().token(), "{}")
                            .status())
                    .isEqualTo(200);
        }
        Api.Reply json =
                getAccepting(api, "/api/v1/exports/child-deaths?year=" + thisYear(), cdop.token(), "application/json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        Map<String, String> counts = counts(json.json());
        assertThat(counts)
                .containsEntry("total/ALL", "3")
                .containsEntry("category_of_death/10", "3")
                .containsEntry("category_of_death/1", "0")
                .containsEntry("age_band/DAYS_28_TO_364", "3")
                .containsEntry("modifiable_factors/IDENTIFIED", "3")
                .containsEntry("expected_or_unexpected/UNEXPECTED", "3");

        Api.Reply csv = getAccepting(
                api,
                "/api/v1/exports/child-deaths?year=" + thisYear(),
                w.chair().token(),
                null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("reporting_year,first_month,last_month,table,code,label,count\r\n");
        assertThat(csv.body()).contains(thisYear() + "," + (thisYear() - 1) + "-04," + thisYear() + "-03,total,ALL,");

        // nothing of a review can leak: no id, reference, pseudonym, recommendation or day
        JsonObject review = api.get(base, w.officer().token()).json();
        for (String body : List.of(json.body(), csv.body())) {
            assertThat(body)
                    .doesNotContain(id)
                    .doesNotContain(review.getString("reference"))
                    .doesNotContain(review.getString("pseudonym"))
                    .doesNotContain(secret)
                    .doesNotContain(health)
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    static Map<String, String> counts(JsonObject exported) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonObject row : exported.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            m.put(row.getString("table") + "/" + row.getString("code"), row.getString("count"));
        }
        return m;
    }

    @Test
    void deathInCustody_cannotBeSignedOffWithoutAReferral_para17(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Reply opened = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"CDR-" + Api.unique()
                        + "\",\"pseudonym\":\"Child K\",\"residenceLscbId\":\"" + w.board()
                        + "\",\"organisationIds\":[],\"dates\":{\"death\":\""
                        + TestClock.today().minusDays(3)
                        + "\"},\"childDeath\":{\"ageAtDeathYears\":16,\"unexpected\":true,\"inCustody\":true}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String base = "/api/v1/reviews/" + opened.json().getString("id");
        assertThat(put(
                                api,
                                base + "/cdop-analysis",
                                w.officer().token(),
                                analysis(w.agencies().get(1), "Review restraint"))
                        .status())
                .isEqualTo(200);

        Api.Reply refused = api.post(base + "/cdop-sign-off", w.officer().token(), "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("scr_referral_required");
        assertThat(api.post(base + "/scr-referral", w.officer().token(), "{}").status())
                .isEqualTo(200);
        assertThat(api.post(base + "/cdop-sign-off", w.officer().token(), "{}").status())
                .isEqualTo(200);
    }

    @Test
    void managementReview_isCompletedByTheLeadBoardsOfficer_only(Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        ReviewWorld w = b.a();
        Api.Reply opened = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"MR-" + Api.unique() + "\",\"pseudonym\":\"Child M\","
                        + "\"leadLscbId\":\"" + w.board() + "\",\"organisationIds\":" + ReviewWorld.quoted(w.agencies())
                        + ",\"dates\":{\"notification\":\"" + TestClock.today().minusDays(3) + "\"}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String path = "/api/v1/reviews/" + opened.json().getString("id") + "/completion";
        Api.Login cdop = api.newAccount("CDOP_MEMBER", w.board());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(api.post(path, w.chair().token(), "{}").status())
                .as("chair")
                .isEqualTo(403);
        soft.assertThat(api.post(path, cdop.token(), "{}").status()).as("cdop").isEqualTo(403);
        soft.assertThat(api.post(path, w.police().token(), "{}").status())
                .as("agency")
                .isEqualTo(403);
        soft.assertThat(api.post(path, b.officerB().token(), "{}").status())
                .as("other board")
                .isEqualTo(404);
        soft.assertThat(api.post(path, w.officer().token(), "{\"on\":\"2999-01-01\"}")
                        .status())
                .as("future")
                .isEqualTo(400);
        soft.assertAll();

        Api.Reply done = api.post(path, w.officer().token(), "{}");

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().getString("status")).isEqualTo("COMPLETED");
        assertThat(api.post(path, w.officer().token(), "{}").error()).isEqualTo("review_closed");
        String cdr = notifiedDeath(api, w, 400);
        assertThat(api.post(
                                "/api/v1/reviews/" + cdr + "/completion",
                                w.officer().token(),
                                "{}")
                        .error())
                .isEqualTo("not_completable_here");
    }

    /** Each new endpoint against each caller that must be refused; the allowed ones are proved by the journey. */
    @Test
    void panelEndpoints_refuseOtherBoardsAgenciesReviewersAndCoroners(Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        ReviewWorld w = b.a();
        String id = notifiedDeath(api, w, 100);
        String base = "/api/v1/reviews/" + id;
        String body = analysis(w.agencies().get(1), "Keep it short");
        Api.Login cdopB = api.newAccount("CDOP_MEMBER", b.boardB());
        Map<String, Api.Login> refused = new LinkedHashMap<>();
        refused.put("officer of another board", b.officerB());
        refused.put("panel member of another board", cdopB);
        refused.put("agency user of the review", w.police());
        refused.put("agency user of another board", b.agencyB());
        refused.put("reviewer", api.newAccount("REVIEWER"));
        refused.put("coroner", api.newAccount("CORONER"));
        refused.put("paediatrician", api.newAccount("PAEDIATRICIAN"));
        refused.put("administrator", new Api.Login(null, "admin", null, api.adminToken(), null));

        SoftAssertions soft = new SoftAssertions();
        refused.forEach((who, login) -> {
            // a board role without a relation gets the 404 of a missing review; any other role is refused by role
            boolean boardRole = who.contains("another board") && !who.startsWith("agency");
            int expected = boardRole ? 404 : 403;
            soft.assertThat(api.get(base + "/cdop-analysis", login.token()).status())
                    .as("read analysis: " + who)
                    .isEqualTo(expected);
            soft.assertThat(put(api, base + "/cdop-analysis", login.token(), body)
                            .status())
                    .as("record analysis: " + who)
                    .isEqualTo(expected);
            soft.assertThat(api.post(base + "/scr-referral", login.token(), "{}")
                            .status())
                    .as("refer: " + who)
                    .isEqualTo(expected);
            soft.assertThat(api.post(base + "/cdop-sign-off", login.token(), "{}")
                            .status())
                    .as("sign off: " + who)
                    .isEqualTo(expected);
        });
        // the Chair reads the analysis but neither records it nor signs off; the board's officer and panel may
        soft.assertThat(api.get(base + "/cdop-analysis", w.chair().token()).status())
                .isEqualTo(200);
        soft.assertThat(put(api, base + "/cdop-analysis", w.chair().token(), body)
                        .status())
                .isEqualTo(403);
        soft.assertThat(api.post(base + "/cdop-sign-off", w.chair().token(), "{}")
                        .status())
                .isEqualTo(403);
        soft.assertThat(api.get(base + "/cdop-analysis", w.officer().token()).status())
                .isEqualTo(200);
        soft.assertAll();
        assertThat(api.get(base + "/cdop-analysis", w.officer().token()).json().getBoolean("recorded"))
                .as("nothing a refused caller sent was stored")
                .isFalse();
        JsonObject after = api.get(base, w.officer().token()).json();
        assertThat(after.containsKey("scrReferralReviewId") && !after.isNull("scrReferralReviewId"))
                .as("no referral was made")
                .isFalse();

        // the return: a board's officers, Chair and panel read their own board's; nobody else reads any
        String export = "/api/v1/exports/child-deaths?year=" + thisYear();
        for (Api.Login own : List.of(w.officer(), w.chair())) {
            assertThat(getAccepting(api, export, own.token(), "application/json")
                            .status())
                    .isEqualTo(200);
        }
        for (String who : List.of(
                "agency user of the review",
                "agency user of another board",
                "reviewer",
                "coroner",
                "paediatrician",
                "administrator")) {
            Api.Reply r = getAccepting(api, export, refused.get(who).token(), "application/json");
            assertThat(r.status()).as(who + " " + r.body()).isEqualTo(403);
        }
        assertThat(getAccepting(api, export, api.newAccount("CDOP_MEMBER").token(), null)
                        .status())
                .as("a panel member of no board")
                .isEqualTo(403);
    }

    @Test
    void anotherBoardsReturn_neverCountsThisBoardsReviews(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        ReviewWorld w = b.a();
        for (int i = 0; i < 3; i++) {
            String base = "/api/v1/reviews/" + notifiedDeath(api, w, 100);
            put(
                    api,
                    base + "/cdop-analysis",
                    w.officer().token(),
                    analysis(w.agencies().get(1), "x"));
            assertThat(api.post(base + "/cdop-sign-off", w.officer().token(), "{}")
                            .status())
                    .isEqualTo(200);
        }

        Api.Reply other = getAccepting(
                api,
                "/api/v1/exports/child-deaths?year=" + thisYear(),
                b.officerB().token(),
                "application/json");
        Api.Reply own = getAccepting(
                api,
                "/api/v1/exports/child-deaths?year=" + thisYear(),
                w.officer().token(),
                "application/json");

        assertThat(counts(other.json())).containsEntry("total/ALL", "0");
        assertThat(counts(own.json())).containsEntry("total/ALL", "3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown category        | \"category\":11                                   | category",
                "category zero           | \"category\":0                                    | category",
                "no category             | \"category\":null                                 | category",
                "score out of range      | \"factors\":{\"intrinsicToChild\":\"4\",\"socialEnvironment\":\"1\",\"physicalEnvironment\":\"1\",\"serviceProvision\":\"1\"} | factors.intrinsicToChild",
                "score not on the scale  | \"factors\":{\"intrinsicToChild\":\"1\",\"socialEnvironment\":\"2*\",\"physicalEnvironment\":\"1\",\"serviceProvision\":\"1\"} | factors.socialEnvironment",
                "a domain missing        | \"factors\":{\"intrinsicToChild\":\"1\",\"socialEnvironment\":\"1\",\"physicalEnvironment\":\"1\"} | factors.serviceProvision",
                "no factors              | \"factors\":null                                  | factors",
                "no modifiable judgement | \"modifiableFactors\":null                        | modifiableFactors",
                "unknown judgement       | \"modifiableFactors\":\"PROBABLY\"                | modifiableFactors",
                "text too long           | \"recommendations\":[{\"text\":\"LONG\",\"organisationId\":\"HEALTH\"}] | recommendations[0].text",
                "text on two lines       | \"recommendations\":[{\"text\":\"one\\ntwo\",\"organisationId\":\"HEALTH\"}] | recommendations[0].text",
                "no one to act           | \"recommendations\":[{\"text\":\"Do it\"}]       | recommendations[0].organisationId",
                "unknown organisation    | \"recommendations\":[{\"text\":\"Do it\",\"organisationId\":\"00000000-0000-0000-0000-000000000000\"}] | recommendations[0].organisationId",
                "a narrative field       | \"narrative\":\"The child was found by\"          | narrative",
            })
    void badAnalysis_is400NamingTheField_andNothingIsStored(String what, String override, String field, Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String base = "/api/v1/reviews/" + notifiedDeath(api, w, 100);
        String health = w.agencies().get(1);
        String good = "{\"category\":10,\"factors\":{\"intrinsicToChild\":\"1\",\"socialEnvironment\":\"2\","
                + "\"physicalEnvironment\":\"1*\",\"serviceProvision\":\"0\"},\"modifiableFactors\":\"IDENTIFIED\"}";
        String key = override.substring(1, override.indexOf('"', 1));
        String changed = override.replace("LONG", "x".repeat(281)).replace("HEALTH", health);
        String body = good.contains("\"" + key + "\"")
                ? "{" + changed + "," + withoutKey(good, key) + "}"
                : "{" + changed + "," + good.substring(1);

        Api.Reply r = put(api, base + "/cdop-analysis", w.officer().token(), body);

        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
        assertThat(api.get(base + "/cdop-analysis", w.officer().token()).json().getBoolean("recorded"))
                .isFalse();
    }

    /** The good analysis's members other than {@code key}, without braces. */
    private static String withoutKey(String good, String key) {
        JsonObject o = Json.createReader(new StringReader(good)).readObject();
        JsonObjectBuilder b = Json.createObjectBuilder();
        o.forEach((k, v) -> {
            if (!k.equals(key)) {
                b.add(k, v);
            }
        });
        String s = b.build().toString();
        return s.substring(1, s.length() - 1);
    }

    @ParameterizedTest(name = "year={0}")
    @CsvSource({"26", "abcd", "1999", "2101", "2026-03", "''"})
    void badYear_is400(String year, Api api) {
        ReviewWorld w = ReviewWorld.create(api);

        Api.Reply r = getAccepting(
                api, "/api/v1/exports/child-deaths?year=" + year, w.officer().token(), null);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("year");
    }
}
