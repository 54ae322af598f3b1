package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;

/**
 * The rapid response to an unexpected child death [32-39] through the API (docs/api.md "Rapid response"): the visit
 * decision's clock in hours from the time of death, the post-mortem and inquest, need to know (the coroner receives
 * the joint report and the case discussion record only) and the coroner's signed receipt meeting the joint report's
 * clock. Times are taken from the run's fixed clock ({@link TestClock}); the server's own clock is no earlier.
 */
@ExtendWith(SharedServer.class)
class RapidResponseIT {

    private final Api api;

    RapidResponseIT(Api api) {
        this.api = api;
    }

    @Test
    void
            deathAtHome_visitDecidedInHours_postMortemWithInquest_coronerReceivesOnlyWhatTheyNeed_andTheirReceiptMeetsTheClock()
                    throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        Instant died = TestClock.FIXED.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        // the police notify an unexpected death at home with its time [24, 32]
        JsonObject review = notifyDeath(w, died, "HOME");
        String id = review.getString("id");
        JsonObject visitClock = clock(review, "HOME_VISIT");
        assertThat(visitClock.getString("startedAt")).isEqualTo(died.toString());
        assertThat(visitClock.getString("dueAt"))
                .as("24 hours from the time of death, not the end of a day [32]")
                .isEqualTo(died.plus(Duration.ofHours(24)).toString());
        assertThat(visitClock.getString("status")).isEqualTo("ON_TRACK");
        assertThat(review.getJsonObject("childDeath").getString("diedAt")).isEqualTo(died.toString());

        // the senior investigating police officer records the visit an hour after the death: the clock is met then
        Instant visited = died.plus(Duration.ofHours(1));
        Api.Reply visit = put(
                "/api/v1/reviews/" + id + "/visit-decision",
                w.police(),
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + visited + "\"}");
        assertThat(visit.status()).as(visit.body()).isEqualTo(200);
        assertThat(clock(visit.json(), "HOME_VISIT").getString("status")).isEqualTo("MET");
        assertThat(clock(visit.json(), "HOME_VISIT").getString("metAt")).isEqualTo(visited.toString());
        assertThat(visit.json().getJsonObject("visitDecision").getString("decision"))
                .isEqualTo("VISITED");
        assertThat(visit.json().getJsonObject("visitDecision").getString("recordedBy"))
                .isEqualTo(w.police().id());

        // the designated paediatrician and the coroner are appointed, everyone has a key
        Api.Login paediatrician = api.newAccount("PAEDIATRICIAN");
        Api.Login coroner = api.newAccount("CORONER");
        appoint(w, id, paediatrician, "PAEDIATRICIAN");
        appoint(w, id, coroner, "CORONER");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        Identity coronerKey = KeyHolder.enrol(api, coroner.token(), null, false);
        KeyHolder.enrol(api, paediatrician.token(), null, false);
        Identity policeKey = KeyHolder.enrol(api, w.police().token(), null, false);

        // the paediatrician records the final post-mortem report: an inquest is opened, and abuse is suggested [36-38]
        LocalDate today = TestClock.today();
        Api.Reply pm = put(
                "/api/v1/reviews/" + id + "/post-mortem",
                paediatrician,
                "{\"finalReportOn\":\"" + today + "\",\"inquestOpened\":true,\"suggestsAbuseOrNeglect\":true}");
        assertThat(pm.status()).as(pm.body()).isEqualTo(200);
        JsonObject postMortem = pm.json().getJsonObject("postMortem");
        assertThat(postMortem.getString("finalReportOn")).isEqualTo(today.toString());
        assertThat(postMortem.getBoolean("inquestOpened")).isTrue();
        assertThat(postMortem.getBoolean("caseDiscussionAwaited")).as("[39]").isTrue();
        assertThat(pm.json().getBoolean("scrReferralPrompted")).as("[38]").isTrue();
        assertThat(clock(pm.json(), "CORONER_JOINT_REPORT").getString("status"))
                .as("an inquest is opened: the joint report is owed [37]")
                .isIn("ON_TRACK", "DUE_SOON");
        assertThat(ids(api.get(
                        "/api/v1/reviews?scrReferralPrompted=true", w.officer().token())))
                .contains(id);
        assertThat(ids(api.get(
                        "/api/v1/reviews?scrReferralPrompted=true", w.chair().token())))
                .contains(id);

        // need to know: the coroner is a recipient of the joint report and the case discussion record, not of an IMR
        String coronerCert = certificateOf(coroner);
        assertThat(recipientIds(w, id, "IMR")).doesNotContain(coronerCert).hasSize(2);
        assertThat(recipientIds(w, id, "CORONER_JOINT_REPORT"))
                .contains(coronerCert)
                .hasSize(3);
        assertThat(recipientIds(w, id, "CASE_DISCUSSION_RECORD")).contains(coronerCert);
        List<X509Certificate> everyone = KeyHolder.certificates(api.get(
                        "/api/v1/reviews/" + id + "/recipients?format=pem&type=CORONER_JOINT_REPORT",
                        w.police().token())
                .body());
        Api.Reply overShared = api.send(
                "POST",
                "/api/v1/reviews/" + id + "/documents?type=IMR&title=Police%20IMR",
                w.police().token(),
                "application/pkcs7-mime",
                ExchangeIT.seal(policeKey, everyone, ExchangeIT.bytes(2000)));
        assertThat(overShared.status()).as(overShared.body()).isEqualTo(400);
        assertThat(overShared.error()).isEqualTo("need_to_know");
        assertThat(overShared.json().getString("message")).contains("CORONER", coronerCert);

        assertThat(DocumentRequestsIT.sendPlain(api, w.police(), id, "IMR", "Police IMR")
                        .status())
                .isEqualTo(201);
        assertThat(DocumentRequestsIT.sendPlain(api, w.police(), id, "CHRONOLOGY", "Police chronology")
                        .status())
                .isEqualTo(201);
        Api.Reply report = DocumentRequestsIT.sendPlain(api, paediatrician, id, "CORONER_JOINT_REPORT", "Joint report");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(DocumentRequestsIT.sendPlain(api, paediatrician, id, "CASE_DISCUSSION_RECORD", "Case discussion")
                        .status())
                .isEqualTo(201);

        List<String> inbox = api.get("/api/v1/inbox", coroner.token()).value().asJsonArray().stream()
                .map(v -> v.asJsonObject().getJsonObject("document").getString("type"))
                .toList();
        assertThat(inbox).containsExactlyInAnyOrder("CORONER_JOINT_REPORT", "CASE_DISCUSSION_RECORD");

        // the coroner's signed receipt of the joint report meets its clock [37]
        String reportId = report.json().getString("id");
        String signature =
                DocumentRulesIT.detachedSignature(coronerKey, report.json().getString("sha256"));
        Api.Reply receipt = api.post(
                "/api/v1/documents/" + reportId + "/receipt",
                coroner.token(),
                Json.createObjectBuilder().add("signature", signature).build().toString());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        Instant received = Instant.parse(receipt.json().getString("receivedAt"));
        JsonObject jointReport =
                clock(api.get("/api/v1/reviews/" + id, w.officer().token()).json(), "CORONER_JOINT_REPORT");
        assertThat(jointReport.getString("status")).isEqualTo("MET");
        assertThat(jointReport.getString("metOn"))
                .isEqualTo(LocalDate.ofInstant(received, TestClock.ENGLAND).toString());
    }

    @Test
    void visitClockOfADeathTwoDaysAgo_isOverdue_listedAsSuch_andDecidingNotToVisitNeedsAReason() {
        ReviewWorld w = ReviewWorld.create(api);
        Instant died = TestClock.FIXED.instant().minus(Duration.ofHours(49)).truncatedTo(ChronoUnit.SECONDS);
        JsonObject review = notifyDeath(w, died, "COMMUNITY");
        String id = review.getString("id");

        assertThat(clock(review, "HOME_VISIT").getString("status")).isEqualTo("OVERDUE");
        assertThat(ids(api.get("/api/v1/reviews?clock=OVERDUE", w.officer().token())))
                .contains(id);

        Api.Reply noReason =
                put("/api/v1/reviews/" + id + "/visit-decision", w.officer(), "{\"decision\":\"NOT_VISITING\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getJsonObject("details").getString("field")).isEqualTo("reason");

        Instant decided = died.plus(Duration.ofHours(30));
        Api.Reply decision = put(
                "/api/v1/reviews/" + id + "/visit-decision",
                w.officer(),
                "{\"decision\":\"NOT_VISITING\",\"decidedAt\":\"" + decided
                        + "\",\"reason\":\"The place was examined by the police at the time.\"}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        JsonObject met = clock(decision.json(), "HOME_VISIT");
        assertThat(met.getString("status")).isEqualTo("MET");
        assertThat(met.getString("metAt")).as("met late, and shown so").isEqualTo(decided.toString());
        assertThat(Instant.parse(met.getString("metAt"))).isAfter(Instant.parse(met.getString("dueAt")));
        assertThat(decision.json().getJsonObject("visitDecision").getString("reason"))
                .isEqualTo("The place was examined by the police at the time.");
        assertThat(ids(api.get("/api/v1/reviews?clock=OVERDUE", w.officer().token())))
                .doesNotContain(id);

        Api.Reply again = put(
                "/api/v1/reviews/" + id + "/visit-decision",
                w.officer(),
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + decided + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("visit_decision_recorded");
    }

    @Test
    void officersReview_withOnlyTheDayOfDeath_visitClockRunsFromTheStartOfThatDay() {
        ReviewWorld w = ReviewWorld.create(api);
        JsonObject review = w.openChildDeath(3);
        LocalDate died = LocalDate.parse(review.getJsonObject("dates").getString("death"));
        Instant startOfDay = died.atStartOfDay(TestClock.ENGLAND).toInstant();

        JsonObject visit = clock(review, "HOME_VISIT");
        assertThat(visit.getString("startedAt")).isEqualTo(startOfDay.toString());
        assertThat(visit.getString("dueAt"))
                .isEqualTo(startOfDay.plus(Duration.ofHours(24)).toString());
        assertThat(visit.getString("status")).isEqualTo("OVERDUE");
    }

    @Test
    void postMortemWithoutInquest_liftsTheJointReportClock_andAbuseNotSuggestedPromptsNothing() {
        ReviewWorld w = ReviewWorld.create(api);
        JsonObject review = w.openChildDeath(5);
        String id = review.getString("id");
        assertThat(clock(review, "CORONER_JOINT_REPORT")).isNotNull();

        Api.Reply pm = put(
                "/api/v1/reviews/" + id + "/post-mortem",
                w.officer(),
                "{\"finalReportOn\":\"" + TestClock.today().minusDays(1)
                        + "\",\"inquestOpened\":false,\"suggestsAbuseOrNeglect\":false,\"caseDiscussionOn\":\""
                        + TestClock.today() + "\"}");

        assertThat(pm.status()).as(pm.body()).isEqualTo(200);
        assertThat(ChildDeathNotificationIT.clocks(pm.json()))
                .as("no inquest: no joint report is owed [37]")
                .doesNotContainKey("CORONER_JOINT_REPORT")
                .containsKey("HOME_VISIT");
        assertThat(pm.json().getBoolean("scrReferralPrompted")).isFalse();
        assertThat(pm.json().getJsonObject("postMortem").getBoolean("caseDiscussionAwaited"))
                .isFalse();
        assertThat(ids(api.get(
                        "/api/v1/reviews?scrReferralPrompted=true", w.officer().token())))
                .doesNotContain(id);

        Api.Reply inquestAfterAll = put(
                "/api/v1/reviews/" + id + "/post-mortem",
                w.officer(),
                "{\"finalReportOn\":\"" + TestClock.today().minusDays(1)
                        + "\",\"inquestOpened\":true,\"suggestsAbuseOrNeglect\":false}");
        assertThat(ChildDeathNotificationIT.clocks(inquestAfterAll.json()))
                .as("an inquest opened later: the report is owed again, from the death")
                .containsEntry(
                        "CORONER_JOINT_REPORT", review.getJsonObject("dates").getString("death"));
    }

    static JsonObject notifyDeath(ReviewWorld w, Instant died, String place) {
        Api.Reply r = w.api()
                .post(
                        "/api/v1/child-death-notifications",
                        w.police().token(),
                        ChildDeathNotificationIT.body(
                                        ChildDeathNotificationIT.Child.next(),
                                        died,
                                        w.board(),
                                        Map.of("placeOfDeath", place))
                                .toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getJsonObject("review");
    }

    private Api.Reply put(String path, Api.Login who, String json) {
        return api.send("PUT", path, who.token(), "application/json", json.getBytes());
    }

    private void appoint(ReviewWorld w, String id, Api.Login who, String role) {
        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                w.officer().token(),
                "{\"accountId\":\"" + who.id() + "\",\"role\":\"" + role + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String certificateOf(Api.Login who) {
        return api.get("/api/v1/keys/mine", who.token())
                .value()
                .asJsonArray()
                .getJsonObject(0)
                .getString("id");
    }

    private List<String> recipientIds(ReviewWorld w, String id, String type) {
        return api
                .get(
                        "/api/v1/reviews/" + id + "/recipients?type=" + type,
                        w.police().token())
                .value()
                .asJsonArray()
                .stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    static JsonObject clock(JsonObject review, String kind) {
        return review.getJsonArray("clocks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clock").equals(kind))
                .findFirst()
                .orElse(null);
    }

    private static List<String> ids(Api.Reply list) {
        return list.json().getJsonArray("reviews").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("id"))
                .toList();
    }
}
