package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Action plans over the API (docs/api.md "Action plans"): the lead board turns a review's recommendations into
 * actions [9], the owning agency reports progress with evidence of impact, and an action past its due date is
 * listed as overdue and swept as clocks are [11, 19]. Bad input names its field and stores nothing.
 */
@ExtendWith(SharedServer.class)
class ActionPlansIT {

    private final Api api;

    ActionPlansIT(Api api) {
        this.api = api;
    }

    static Api.Reply create(Api api, Api.Login by, String reviewId, String organisationId, String dueOn) {
        return api.post(
                "/api/v1/reviews/" + reviewId + "/actions",
                by.token(),
                "{\"recommendation\":\"Agencies share concerns at once\",\"organisationId\":\"" + organisationId
                        + "\",\"change\":\"Refer concerns to children's social care within 24 hours\",\"dueOn\":\""
                        + dueOn + "\"}");
    }

    static Api.Reply update(Api api, Api.Login by, String actionId, String json) {
        return api.send(
                "PUT",
                "/api/v1/actions/" + actionId,
                by.token(),
                "application/json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void officerPlans_theAgencyReportsDoneWithEvidence_andAPastDueActionIsListedAndSweptAsOverdue() throws Exception {
        ReviewWorld w = TwoBoards.create(api, false).a();
        String reviewId = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        String police = w.agencies().get(0);
        String health = w.agencies().get(1);
        LocalDate today = TestClock.today();

        Api.Reply policeAction =
                create(api, w.officer(), reviewId, police, today.plusDays(30).toString());
        // agreed earlier and recorded late: overdue from the start, with days to spare whatever the server's today
        Api.Reply healthAction =
                create(api, w.officer(), reviewId, health, today.minusDays(5).toString());
        Api.Reply boardAction =
                create(api, w.chair(), reviewId, w.board(), today.plusDays(60).toString());
        String first = policeAction.json().getString("id");
        String late = healthAction.json().getString("id");
        List<String> policeSees = ids(api.get("/api/v1/actions", w.police().token()));

        Api.Reply started = update(api, w.police(), first, "{\"status\":\"IN_PROGRESS\"}");
        String evidence = DocumentRequestsIT.sendPlain(api, w.police(), reviewId, "OTHER", "Referral audit")
                .json()
                .getString("id");
        Api.Reply done = update(
                api,
                w.police(),
                first,
                "{\"status\":\"DONE\",\"evidenceDocumentId\":\"" + evidence
                        + "\",\"evidenceNote\":\"Every referral in March was made within a day\"}");
        List<String> overdue =
                ids(api.get("/api/v1/actions?overdue=true", w.officer().token()));
        List<String> doneOnes =
                ids(api.get("/api/v1/actions?status=DONE", w.officer().token()));
        JsonObject lateOne =
                api.get("/api/v1/actions/" + late, w.officer().token()).json();

        assertThat(policeAction.status()).as(policeAction.body()).isEqualTo(201);
        assertThat(policeAction.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/actions/" + first);
        assertThat(policeAction.json().getString("status")).isEqualTo("NOT_STARTED");
        assertThat(healthAction.status()).as(healthAction.body()).isEqualTo(201);
        assertThat(boardAction.status()).as("the Chair records actions too").isEqualTo(201);
        assertThat(policeSees).as("the police see their own action only").containsExactly(first);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().getString("status")).isEqualTo("DONE");
        assertThat(done.json().getString("evidenceDocumentId")).isEqualTo(evidence);
        assertThat(overdue).containsExactly(late);
        assertThat(doneOnes).containsExactly(first);
        assertThat(lateOne.getBoolean("overdue")).isTrue();
        assertThat(ids(api.get(
                        "/api/v1/reviews/" + reviewId + "/actions", w.officer().token())))
                .hasSize(3);
        // the test server sweeps every two seconds (SharedServer): the late action is marked once, with its entry
        ReviewsIT.awaitTrue(
                "the sweep marks the overdue action",
                () -> api.get("/api/v1/actions/" + late, w.officer().token())
                        .json()
                        .getBoolean("overdueMarked"));
        assertThat(api.get("/api/v1/actions/" + first, w.officer().token())
                        .json()
                        .getBoolean("overdueMarked"))
                .isFalse();
        List<String> audit = ReviewsIT.audit(api, reviewId);
        assertThat(audit.stream().filter("ACTION_CREATED"::equals)).hasSize(3);
        assertThat(audit.stream().filter("ACTION_UPDATED"::equals)).hasSize(2);
        assertThat(audit.stream().filter("ACTION_OVERDUE"::equals)).hasSize(1);
    }

    @Test
    void badInput_forEachField_isRefusedNamingIt_andNothingIsStoredOrChanged() throws Exception {
        TwoBoards boards = TwoBoards.create(api, true);
        ReviewWorld w = boards.a();
        String reviewId = w.openScr(3).getString("id");
        String otherReview = w.openScr(4).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        String police = w.agencies().get(0);
        String soon = TestClock.today().plusDays(10).toString();
        String otherBoardsAgency =
                api.get("/api/v1/me", boards.agencyB().token()).json().getString("organisationId");
        String id = create(api, w.officer(), reviewId, police, soon).json().getString("id");
        String documentOfOtherReview = DocumentRequestsIT.sendPlain(api, w.police(), otherReview, "OTHER", "Elsewhere")
                .json()
                .getString("id");
        String base = "/api/v1/reviews/" + reviewId + "/actions";

        assertField(create(api, w.officer(), reviewId, "no-such-organisation", soon), "organisationId");
        assertField(create(api, w.officer(), reviewId, otherBoardsAgency, soon), "organisationId");
        assertField(create(api, w.officer(), reviewId, police, "31/12/2030"), "dueOn");
        assertField(create(api, w.officer(), reviewId, police, "2026-02-30"), "dueOn");
        assertField(
                api.post(
                        base,
                        w.officer().token(),
                        "{\"organisationId\":\"" + police + "\",\"change\":\"c\",\"dueOn\":\"" + soon + "\"}"),
                "recommendation");
        assertField(
                api.post(
                        base,
                        w.officer().token(),
                        "{\"recommendation\":\"r\",\"organisationId\":\"" + police + "\",\"change\":\""
                                + "x".repeat(2001) + "\",\"dueOn\":\"" + soon + "\"}"),
                "change");
        assertThat(api.post(
                                base,
                                w.officer().token(),
                                "{\"recommendation\":\"r\",\"organisationId\":\"" + police
                                        + "\",\"change\":\"c\",\"dueOn\":\"" + soon + "\",\"childName\":\"Jane\"}")
                        .status())
                .as("an unknown field")
                .isEqualTo(400);
        assertField(update(api, w.police(), id, "{\"status\":\"FINISHED\"}"), "status");
        assertField(update(api, w.police(), id, "{\"status\":\"NOT_DONE\"}"), "reason");
        assertField(update(api, w.police(), id, "{\"status\":\"DONE\"}"), "evidence");
        assertField(
                update(api, w.police(), id, "{\"status\":\"DONE\",\"evidenceNote\":\"" + "x".repeat(1001) + "\"}"),
                "evidenceNote");
        assertField(
                update(
                        api,
                        w.police(),
                        id,
                        "{\"status\":\"DONE\",\"evidenceDocumentId\":\"" + documentOfOtherReview + "\"}"),
                "evidenceDocumentId");
        assertField(
                update(
                        api,
                        w.officer(),
                        id,
                        "{\"status\":\"DONE\",\"evidenceDocumentId\":\"" + documentOfOtherReview + "\"}"),
                "evidenceDocumentId");
        assertField(update(api, w.officer(), id, "{\"dueOn\":\"tomorrow\"}"), "dueOn");
        assertField(api.get("/api/v1/actions?overdue=maybe", w.officer().token()), "overdue");
        assertField(api.get("/api/v1/actions?status=FINISHED", w.officer().token()), "status");
        // a closed action is the board's to reopen, not the owner's
        assertThat(update(api, w.police(), id, "{\"status\":\"NOT_DONE\",\"reason\":\"Service closed\"}")
                        .status())
                .isEqualTo(200);
        Api.Reply reopen = update(api, w.police(), id, "{\"status\":\"IN_PROGRESS\"}");
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.json().getString("error")).isEqualTo("action_transition");

        JsonObject after = api.get("/api/v1/actions/" + id, w.officer().token()).json();
        assertThat(after.getString("status")).isEqualTo("NOT_DONE");
        assertThat(after.getString("dueOn")).isEqualTo(soon);
        assertThat(after.containsKey("evidenceDocumentId") && !after.isNull("evidenceDocumentId"))
                .isFalse();
        assertThat(after.containsKey("evidenceNote") && !after.isNull("evidenceNote"))
                .isFalse();
        assertThat(ids(api.get(base, w.officer().token()))).containsExactly(id);
        assertThat(ReviewsIT.audit(api, reviewId)).contains("ACTION_CHANGE_REFUSED");
    }

    private static void assertField(Api.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getString("error")).isEqualTo("invalid_request");
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
    }

    static List<String> ids(Api.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("id"))
                .toList();
    }
}
