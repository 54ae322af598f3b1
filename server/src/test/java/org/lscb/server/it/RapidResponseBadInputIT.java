package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every field of the rapid response (docs/api.md "Rapid response"): each is a 400 in the one error
 * shape naming the field, or a 409 naming the rule, nothing is stored, and the server keeps serving.
 */
@ExtendWith(SharedServer.class)
class RapidResponseBadInputIT {

    private Api api;
    private ReviewWorld w;
    private String id;
    private Instant died;

    @BeforeEach
    void review(Api api) {
        this.api = api;
        w = ReviewWorld.create(api);
        died = TestClock.FIXED.instant().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        id = RapidResponseIT.notifyDeath(w, died, "HOME").getString("id");
    }

    @Test
    void visitDecision_badFields_areNamed_andNothingIsRecorded() {
        Instant future = TestClock.FIXED.instant().plus(Duration.ofDays(2));
        SoftAssertions soft = new SoftAssertions();
        badVisit(soft, "{\"visitedAt\":\"" + died.plusSeconds(60) + "\"}", "decision");
        badVisit(soft, "{\"decision\":\"MAYBE\",\"visitedAt\":\"" + died.plusSeconds(60) + "\"}", "decision");
        badVisit(soft, "{\"decision\":\"VISITED\"}", "visitedAt");
        badVisit(soft, "{\"decision\":\"VISITED\",\"visitedAt\":\"" + future + "\"}", "visitedAt");
        badVisit(soft, "{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.minusSeconds(60) + "\"}", "visitedAt");
        badVisit(soft, "{\"decision\":\"VISITED\",\"visitedAt\":\"yesterday\"}", "visitedAt");
        badVisit(soft, "{\"decision\":\"VISITED\",\"visitedAt\":\"2026-01-31T09:00:00\"}", "visitedAt");
        badVisit(
                soft,
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.plusSeconds(60) + "\",\"reason\":\"Because\"}",
                "reason");
        badVisit(
                soft,
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.plusSeconds(60) + "\",\"decidedAt\":\""
                        + died.plusSeconds(60) + "\"}",
                "decidedAt");
        badVisit(soft, "{\"decision\":\"NOT_VISITING\"}", "reason");
        badVisit(soft, "{\"decision\":\"NOT_VISITING\",\"reason\":\"   \"}", "reason");
        badVisit(soft, "{\"decision\":\"NOT_VISITING\",\"reason\":\"" + "x".repeat(1001) + "\"}", "reason");
        badVisit(soft, "{\"decision\":\"NOT_VISITING\",\"reason\":\"Ring\\u0007bell\"}", "reason");
        badVisit(
                soft,
                "{\"decision\":\"NOT_VISITING\",\"reason\":\"Examined\",\"decidedAt\":\"" + future + "\"}",
                "decidedAt");
        badVisit(
                soft,
                "{\"decision\":\"NOT_VISITING\",\"reason\":\"Examined\",\"visitedAt\":\"" + died.plusSeconds(60)
                        + "\"}",
                "visitedAt");
        Api.Reply unknown = put(
                "visit-decision",
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.plusSeconds(60) + "\",\"visitors\":\"PC Smith\"}");
        soft.assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        Api.Reply viaClock = api.post(
                "/api/v1/reviews/" + id + "/clocks/HOME_VISIT", w.officer().token(), "{\"action\":\"MET\"}");
        soft.assertThat(viaClock.status())
                .as("met only by recording the decision")
                .isEqualTo(400);
        soft.assertAll();

        JsonObject review =
                api.get("/api/v1/reviews/" + id, w.officer().token()).json();
        assertThat(review.get("visitDecision")).as("nothing recorded").isIn(null, JsonValue.NULL);
        assertThat(RapidResponseIT.clock(review, "HOME_VISIT").getString("status"))
                .isNotEqualTo("MET");
    }

    @Test
    void visitDecision_onADeathInHospital_isRefusedByTheRule() {
        String hospital = RapidResponseIT.notifyDeath(w, died, "HOSPITAL").getString("id");

        Api.Reply r = api.send(
                "PUT",
                "/api/v1/reviews/" + hospital + "/visit-decision",
                w.officer().token(),
                "application/json",
                ("{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.plusSeconds(60) + "\"}").getBytes());

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("no_visit_decision");
    }

    @Test
    void postMortem_badFields_areNamed_andNothingIsRecorded() {
        LocalDate today = TestClock.today();
        LocalDate diedOn = LocalDate.ofInstant(died, TestClock.ENGLAND);
        String ok = "\"inquestOpened\":true,\"suggestsAbuseOrNeglect\":false";
        SoftAssertions soft = new SoftAssertions();
        badPostMortem(soft, "{" + ok + "}", "finalReportOn");
        badPostMortem(soft, "{\"finalReportOn\":\"" + today.plusDays(2) + "\"," + ok + "}", "finalReportOn");
        badPostMortem(soft, "{\"finalReportOn\":\"" + diedOn.minusDays(1) + "\"," + ok + "}", "finalReportOn");
        badPostMortem(soft, "{\"finalReportOn\":\"31/01/2026\"," + ok + "}", "finalReportOn");
        badPostMortem(soft, "{\"finalReportOn\":\"" + today + "\",\"suggestsAbuseOrNeglect\":false}", "inquestOpened");
        badPostMortem(soft, "{\"finalReportOn\":\"" + today + "\",\"inquestOpened\":true}", "suggestsAbuseOrNeglect");
        badPostMortem(
                soft,
                "{\"finalReportOn\":\"" + today + "\"," + ok + ",\"caseDiscussionOn\":\"" + today.plusDays(2) + "\"}",
                "caseDiscussionOn");
        badPostMortem(
                soft,
                "{\"finalReportOn\":\"" + today + "\"," + ok + ",\"caseDiscussionOn\":\"" + today.minusDays(1) + "\"}",
                "caseDiscussionOn");
        Api.Reply notBoolean = put(
                "post-mortem",
                "{\"finalReportOn\":\"" + today + "\",\"inquestOpened\":\"perhaps\","
                        + "\"suggestsAbuseOrNeglect\":false}");
        soft.assertThat(notBoolean.status()).as(notBoolean.body()).isEqualTo(400);
        Api.Reply unknown =
                put("post-mortem", "{\"finalReportOn\":\"" + today + "\"," + ok + ",\"causeOfDeath\":\"SUDI\"}");
        soft.assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        soft.assertAll();

        JsonObject review =
                api.get("/api/v1/reviews/" + id, w.officer().token()).json();
        assertThat(review.get("postMortem")).as("nothing recorded").isIn(null, JsonValue.NULL);
        assertThat(review.getBoolean("scrReferralPrompted")).isFalse();
    }

    @Test
    void postMortem_onAnScr_isRefusedByTheRule() {
        String scr = w.openScr(2).getString("id");

        Api.Reply r = api.send(
                "PUT",
                "/api/v1/reviews/" + scr + "/post-mortem",
                w.officer().token(),
                "application/json",
                ("{\"finalReportOn\":\"" + TestClock.today()
                                + "\",\"inquestOpened\":true,\"suggestsAbuseOrNeglect\":false}")
                        .getBytes());

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("not_a_child_death");
    }

    @Test
    void unknownDocumentType_andUnreadableListFilter_areNamed() {
        Api.Reply recipients = api.get(
                "/api/v1/reviews/" + id + "/recipients?type=LETTER", w.police().token());
        Api.Reply list =
                api.get("/api/v1/reviews?scrReferralPrompted=maybe", w.officer().token());

        assertThat(recipients.status()).isEqualTo(400);
        assertThat(recipients.json().getJsonObject("details").getString("field"))
                .isEqualTo("type");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().getJsonObject("details").getString("field")).isEqualTo("scrReferralPrompted");
    }

    private void badVisit(SoftAssertions soft, String json, String field) {
        bad(soft, put("visit-decision", json), json, field);
    }

    private void badPostMortem(SoftAssertions soft, String json, String field) {
        bad(soft, put("post-mortem", json), json, field);
    }

    private static void bad(SoftAssertions soft, Api.Reply r, String json, String field) {
        soft.assertThat(r.status()).as(json + " -> " + r.body()).isEqualTo(400);
        if (r.status() == 400) {
            soft.assertThat(r.json().getJsonObject("details").getString("field"))
                    .as(json)
                    .isEqualTo(field);
        }
    }

    private Api.Reply put(String what, String json) {
        return api.send(
                "PUT", "/api/v1/reviews/" + id + "/" + what, w.officer().token(), "application/json", json.getBytes());
    }
}
