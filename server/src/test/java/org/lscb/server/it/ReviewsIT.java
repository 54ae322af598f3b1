package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reviews over HTTP: opening, clocks, the SCR decision, appointments with the independence and panel rules. */
@ExtendWith(SharedServer.class)
class ReviewsIT {

    @Test
    void officerOpensScr_seesItsClocks_isRefusedAConflictedLead_andAppointsAnIndependentOne(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String conflicted = w.reviewer(w.agencies().get(1));
        String independent = w.reviewer(null);

        JsonObject scr = w.openScr(3);
        String id = scr.getString("id");
        Api.Reply refused = w.appoint(id, conflicted, "LEAD_REVIEWER");
        Api.Reply appointed = w.appoint(id, independent, "LEAD_REVIEWER");
        JsonObject panel = api.get(
                        "/api/v1/reviews/" + id + "/panel-check", w.officer().token())
                .json();

        assertThat(scr.getString("status")).isEqualTo("AWAITING_DECISION");
        assertThat(clock(scr, "SCR_DECISION").getString("status")).isEqualTo("ON_TRACK");
        assertThat(clock(scr, "SCR_DECISION").getString("due"))
                .isEqualTo(TestClock.today().minusDays(3).plusMonths(1).toString());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("not_independent");
        assertThat(refused.json()
                        .getJsonObject("details")
                        .getJsonArray("conflicts")
                        .getJsonObject(0)
                        .getString("reason"))
                .isEqualTo("CURRENT_AFFILIATION");
        assertThat(refused.json()
                        .getJsonObject("details")
                        .getJsonArray("conflicts")
                        .getJsonObject(0)
                        .getString("organisationId"))
                .isEqualTo(w.agencies().get(1));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(panel.getBoolean("meetsGuidance")).isTrue();
        assertThat(audit(api, id)).contains("REVIEW_OPENED", "APPOINTMENT_REFUSED", "APPOINTED");
    }

    @Test
    void chairOverride_appointsAConflictedLead_andIsAudited(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String conflicted = w.reviewer(w.agencies().get(0));
        String id = w.openScr(3).getString("id");

        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                w.chair().token(),
                "{\"reviewerId\":\"" + conflicted
                        + "\",\"role\":\"LEAD_REVIEWER\",\"override\":{\"reason\":\"Only reviewer with the expertise; Chair accepts the tie\"}}");
        JsonObject panel = api.get(
                        "/api/v1/reviews/" + id + "/panel-check", w.officer().token())
                .json();

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonObject("override").getString("reason")).startsWith("Only reviewer");
        assertThat(audit(api, id)).contains("INDEPENDENCE_OVERRIDDEN");
        // the Chair's reasons stay with the boards: an involved agency sees who was appointed, not why
        JsonObject seenByAgency = api.get("/api/v1/reviews/" + id, w.police().token())
                .json()
                .getJsonArray("appointments")
                .getJsonObject(0);
        assertThat(seenByAgency.getString("reviewerId")).isEqualTo(conflicted);
        assertThat(seenByAgency.containsKey("override")).isFalse();
        // an overridden conflict does not make anyone independent, least of all the lead [11]
        assertThat(panel.getBoolean("meetsGuidance")).isFalse();
        assertThat(panel.getJsonArray("unmet").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("rule"))
                .containsExactly("INDEPENDENT_LEAD", "INDEPENDENT_REVIEWER");
    }

    @Test
    void theSameLeadAppointedTwiceAtOnce_landsOnce(Api api) throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String lead = w.reviewer(null);
        String id = w.openScr(3).getString("id");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replies.add(two.submit(() -> {
                go.await();
                return w.appoint(id, lead, "LEAD_REVIEWER");
            }));
        }
        go.countDown();
        List<Integer> statuses =
                List.of(replies.get(0).get().status(), replies.get(1).get().status());
        two.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(api.get("/api/v1/reviews/" + id, w.officer().token()).json().getJsonArray("appointments"))
                .hasSize(1);
    }

    @Test
    void independenceEndpoint_namesEveryReason(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String reviewer = w.reviewer(w.agencies().get(2));
        ReviewerRegistryIT.affiliation(api, w.officer().token(), reviewer, w.board(), "2020-01-01", null);
        String id = w.openScr(3).getString("id");

        JsonObject answer = api.get(
                        "/api/v1/reviews/" + id + "/independence/" + reviewer,
                        w.officer().token())
                .json();

        assertThat(answer.getBoolean("independent")).isFalse();
        assertThat(answer.getBoolean("independentOfLscb")).isFalse();
        assertThat(answer.getJsonArray("conflicts").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("reason"))
                .containsExactlyInAnyOrder("CURRENT_AFFILIATION", "BOARD_MEMBERSHIP");
    }

    @Test
    void scrDecision_criteriaMetButNotCommissioned_isRefused_thenCommissionStartsCompletionClock(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(10).getString("id");
        String facts = "{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":false,\"seriouslyHarmed\":true,"
                + "\"interAgencyConcern\":\"UNCLEAR\"}";

        Api.Reply refused = api.post(
                "/api/v1/reviews/" + id + "/scr-decision",
                w.chair().token(),
                "{\"facts\":" + facts
                        + ",\"decision\":\"MANAGEMENT_REVIEW\",\"reason\":\"Chair prefers a lighter review\"}");
        Api.Reply decided = api.post(
                "/api/v1/reviews/" + id + "/scr-decision",
                w.chair().token(),
                "{\"facts\":" + facts + ",\"decision\":\"COMMISSION_SCR\",\"reason\":\"Criteria met\"}");
        JsonObject review = decided.json().getJsonObject("review");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("scr_required");
        assertThat(audit(api, id))
                .as("docs/security.md: a refused change to a review is audited")
                .containsSubsequence("REVIEW_CHANGE_REFUSED", "SCR_DECISION_RECORDED");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().getBoolean("criteriaMet")).isTrue();
        assertThat(review.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(clock(review, "SCR_DECISION").getString("status")).isEqualTo("MET");
        // the completion clock starts on the server's today: the test's day, or a later one if the run crossed midnight
        LocalDate commissioned = LocalDate.parse(clock(review, "SCR_COMPLETION").getString("startedOn"));
        assertThat(commissioned).isBetween(TestClock.today(), TestClock.today().plusDays(1));
        assertThat(clock(review, "SCR_COMPLETION").getString("due"))
                .isEqualTo(commissioned.plusMonths(6).toString());
        assertThat(clock(review, "DECISION_REPORTED").getString("status")).isIn("ON_TRACK", "DUE_SOON");
    }

    @Test
    void completionClock_pausedForCourtProceedings_readsPausedWithTheReason_andResumes(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(10).getString("id");
        api.post(
                "/api/v1/reviews/" + id + "/scr-decision",
                w.chair().token(),
                "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,"
                        + "\"childDied\":true,\"seriouslyHarmed\":false,\"interAgencyConcern\":\"NO\"},\"decision\":\"COMMISSION_SCR\",\"reason\":\"died\"}");

        Api.Reply paused = api.post(
                "/api/v1/reviews/" + id + "/clocks/SCR_COMPLETION",
                w.officer().token(),
                "{\"action\":\"PAUSE\",\"reason\":\"Criminal trial of a parent\"}");
        Api.Reply notPausable = api.post(
                "/api/v1/reviews/" + id + "/clocks/RAPID_REVIEW",
                w.officer().token(),
                "{\"action\":\"PAUSE\",\"reason\":\"x\"}");
        Api.Reply resumed = api.post(
                "/api/v1/reviews/" + id + "/clocks/SCR_COMPLETION", w.officer().token(), "{\"action\":\"RESUME\"}");

        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(clock(paused.json(), "SCR_COMPLETION").getString("status")).isEqualTo("PAUSED");
        assertThat(clock(paused.json(), "SCR_COMPLETION").getString("pausedFor"))
                .isEqualTo("Criminal trial of a parent");
        assertThat(notPausable.status()).isEqualTo(400);
        assertThat(notPausable.json().getJsonObject("details").getString("field"))
                .isEqualTo("clock");
        assertThat(clock(resumed.json(), "SCR_COMPLETION").getString("status")).isEqualTo("ON_TRACK");
    }

    @Test
    void listByClock_findsOverdueAndDueSoonReviews_andTheSweepMarksOverdueOnce(Api api) throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String overdue = w.openScr(45).getString("id");
        // the decision is due in two to five days: due soon, with a day to spare should the server's day be the next
        // one
        String dueSoon = w.openScr(26).getString("id");
        String onTrack = w.openScr(1).getString("id");

        List<String> overdueIds = ids(
                api.get("/api/v1/reviews?clock=OVERDUE&size=100", w.officer().token())
                        .json());
        List<String> dueSoonIds = ids(
                api.get("/api/v1/reviews?clock=DUE_SOON&size=100", w.officer().token())
                        .json());

        assertThat(overdueIds).contains(overdue).doesNotContain(onTrack);
        assertThat(dueSoonIds).contains(dueSoon).doesNotContain(onTrack);
        // the decision (1 month), the rapid review (15 working days) and the panel notification (5 working days)
        List<String> late = List.of("SCR_DECISION", "RAPID_REVIEW", "NATIONAL_PANEL_NOTIFICATION");
        assertThat(clocks(api, w, overdue, "OVERDUE")).containsExactlyInAnyOrderElementsOf(late);
        // the test server sweeps every two seconds (SharedServer): wait for the marks, then for two whole sweeps after
        // them
        awaitTrue(
                "the sweep marks the overdue clocks",
                () -> clocks(api, w, overdue, "MARKED").containsAll(late));
        double finished = sweepsFinished(api);
        // the sweep that marked them may not have counted itself yet: three more counted include two begun after the
        // marks
        awaitTrue("two more sweeps finish", () -> sweepsFinished(api) >= finished + 3);

        assertThat(audit(api, overdue).stream()
                        .filter(a -> a.equals("CLOCK_OVERDUE"))
                        .count())
                .isEqualTo(late.size());
        assertThat(clocks(api, w, overdue, "MARKED")).containsExactlyInAnyOrderElementsOf(late);
        assertThat(clocks(api, w, onTrack, "MARKED")).isEmpty();
        assertThat(audit(api, onTrack)).doesNotContain("CLOCK_OVERDUE");
    }

    /** The review's clocks with that status, or marked overdue by the sweep ({@code MARKED}). */
    private static List<String> clocks(Api api, ReviewWorld w, String reviewId, String status) {
        return api
                .get("/api/v1/reviews/" + reviewId, w.officer().token())
                .json()
                .getJsonArray("clocks")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> status.equals("MARKED")
                        ? c.getBoolean("overdueMarked")
                        : c.getString("status").equals(status))
                .map(c -> c.getString("clock"))
                .toList();
    }

    /** How many overdue sweeps have finished on the server, from its metrics. */
    static double sweepsFinished(Api api) {
        Api.Reply r = api.get("/metrics", api.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body()
                .lines()
                .filter(l -> !l.startsWith("#") && l.contains("lscb_overdue_sweeps_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .max()
                .orElseThrow(() -> new AssertionError("no lscb_overdue_sweeps_total in the metrics:\n" + r.body()));
    }

    /** Polls until the check holds; fails after a minute, far beyond the few seconds it takes on a test server. */
    static void awaitTrue(String what, java.util.function.BooleanSupplier check) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!check.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within a minute: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void childDeathReview_ofAnUnexpectedDeathAtHome_runsTheRapidResponseClocks(Api api) {
        ReviewWorld w = ReviewWorld.create(api);

        JsonObject cdr = w.openChildDeath(2);

        assertThat(cdr.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(cdr.getString("leadLscbId")).isEqualTo(w.board());
        assertThat(clock(cdr, "HOME_VISIT").getString("status")).isEqualTo("OVERDUE");
        assertThat(clock(cdr, "CORONER_JOINT_REPORT").getString("due"))
                .isEqualTo(TestClock.today().plusDays(26).toString());
    }

    @Test
    void lookedAfterChild_isLedByTheLookingAfterBoard_andTheResidenceBoardCooperates(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String residence = api.newOrganisation("LSCB");
        Api.Login residenceOfficer = api.newAccount("LSCB_OFFICER", residence);

        Api.Reply r = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"LAC-"
                        + Api.unique() + "\",\"pseudonym\":\"Child L\",\"residenceLscbId\":\"" + residence
                        + "\",\"lookedAfterByLscbId\":\""
                        + w.board() + "\",\"organisationIds\":[],\"dates\":{\"death\":\""
                        + TestClock.today().minusDays(1)
                        + "\"},\"childDeath\":{\"ageAtDeathYears\":15}}");
        String id = r.json().getString("id");
        JsonObject seenByResidence =
                api.get("/api/v1/reviews/" + id, residenceOfficer.token()).json();

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("leadLscbId")).isEqualTo(w.board());
        assertThat(r.json().getJsonArray("cooperatingLscbIds").getString(0)).isEqualTo(residence);
        assertThat(seenByResidence.getJsonArray("access").getString(0)).isEqualTo("COOPERATING_BOARD_OFFICER");
        assertThat(api.post(
                                "/api/v1/reviews/" + id + "/appointments",
                                residenceOfficer.token(),
                                "{\"reviewerId\":\"" + w.reviewer(null) + "\",\"role\":\"PANEL_MEMBER\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void newAffiliationOfAnAppointedLead_flagsTheAppointment(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String lead = w.reviewer(null);
        String id = w.openScr(3).getString("id");
        assertThat(w.appoint(id, lead, "LEAD_REVIEWER").status()).isEqualTo(201);

        ReviewerRegistryIT.affiliation(
                api,
                w.officer().token(),
                lead,
                w.agencies().get(2),
                TestClock.today().minusDays(1).toString(),
                null);
        JsonObject appointment = api.get("/api/v1/reviews/" + id, w.officer().token())
                .json()
                .getJsonArray("appointments")
                .getJsonObject(0);

        assertThat(appointment.getBoolean("flagged")).isTrue();
        assertThat(appointment.getString("flagReasons")).contains("CURRENT_AFFILIATION");
        assertThat(audit(api, id)).contains("APPOINTMENT_FLAGGED");
    }

    @Test
    void aLeadAppointedWhileTheirNewAffiliationCommits_isFlaggedOrOneOfTheTwoIsRefused(Api api) throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(3).getString("id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 6; i++) {
                String lead = w.reviewer(null);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var appointed = pool.submit(() -> {
                    go.await();
                    return w.appoint(id, lead, "LEAD_REVIEWER");
                });
                var affiliated = pool.submit(() -> {
                    go.await();
                    return api.post(
                            "/api/v1/reviewers/" + lead + "/affiliations",
                            w.officer().token(),
                            "{\"organisationId\":\""
                                    + w.agencies().get(1)
                                    + "\",\"kind\":\"EMPLOYMENT\",\"role\":\"Officer\",\"from\":\""
                                    + TestClock.today().minusDays(1) + "\"}");
                });
                go.countDown();
                Api.Reply a = appointed.get();
                Api.Reply b = affiliated.get();

                // whichever order they committed in, a live lead is never conflicted without being flagged
                JsonObject live = api
                        .get("/api/v1/reviews/" + id, w.officer().token())
                        .json()
                        .getJsonArray("appointments")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(x -> lead.equals(x.getString("reviewerId", null))
                                && (!x.containsKey("endedAt") || x.isNull("endedAt")))
                        .findFirst()
                        .orElse(null);
                boolean conflicted = b.status() == 201;
                assertThat(a.status()).as(a.body()).isIn(201, 409);
                assertThat(b.status()).as(b.body()).isIn(201, 409);
                if (live != null && conflicted) {
                    assertThat(live.getBoolean("flagged"))
                            .as("round " + i + ": appointed " + a.status() + ", affiliated " + b.status())
                            .isTrue();
                }
                if (live != null) {
                    api.send(
                            "DELETE",
                            "/api/v1/reviews/" + id + "/appointments/" + live.getString("id"),
                            w.officer().token(),
                            null,
                            null);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void addingTheLeadsEmployerToTheReview_flagsTheAppointment(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String employer = api.newOrganisation("EDUCATION");
        String lead = w.reviewer(employer);
        String id = w.openScr(3).getString("id");
        assertThat(w.appoint(id, lead, "LEAD_REVIEWER").status()).isEqualTo(201);

        Api.Reply changed = api.send(
                "PUT",
                "/api/v1/reviews/" + id + "/organisations",
                w.officer().token(),
                "application/json",
                ("{\"organisationIds\":"
                                + ReviewWorld.quoted(List.of(w.agencies().get(0), employer)) + "}")
                        .getBytes());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getJsonArray("appointments").getJsonObject(0).getBoolean("flagged"))
                .isTrue();
    }

    @Test
    void endingAnAppointment_endsTheReviewersAccessAtOnce(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login reviewerAccount = api.newAccount("REVIEWER");
        String profile = api.post(
                        "/api/v1/reviewers",
                        reviewerAccount.token(),
                        ReviewerRegistryIT.profile("Me " + Api.unique(), "POLICE", "LONDON"))
                .json()
                .getString("id");
        String id = w.openScr(3).getString("id");
        String aid = w.appoint(id, profile, "PANEL_MEMBER").json().getString("id");
        assertThat(api.get("/api/v1/reviews/" + id, reviewerAccount.token()).status())
                .isEqualTo(200);
        assertThat(ids(api.get("/api/v1/reviews", reviewerAccount.token()).json()))
                .containsExactly(id);

        Api.Reply ended = api.send(
                "DELETE",
                "/api/v1/reviews/" + id + "/appointments/" + aid,
                w.officer().token(),
                null,
                null);

        assertThat(ended.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reviews/" + id, reviewerAccount.token()).status())
                .isEqualTo(404);
        assertThat(ids(api.get("/api/v1/reviews", reviewerAccount.token()).json()))
                .isEmpty();
    }

    @Test
    void coronerAndPaediatrician_areAppointedByAccount_andSeeTheirReviewOnly(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login coroner = api.newAccount("CORONER");
        Api.Login otherCoroner = api.newAccount("CORONER");
        String id = w.openChildDeath(2).getString("id");

        Api.Reply appointed = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                w.officer().token(),
                "{\"accountId\":\"" + coroner.id() + "\",\"role\":\"CORONER\"}");
        Api.Reply wrongRole = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                w.officer().token(),
                "{\"accountId\":\"" + w.police().id() + "\",\"role\":\"PAEDIATRICIAN\"}");

        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(wrongRole.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reviews/" + id, coroner.token())
                        .json()
                        .getJsonArray("access")
                        .getString(0))
                .isEqualTo("APPOINTED_CORONER");
        assertThat(api.get("/api/v1/reviews/" + id, otherCoroner.token()).status())
                .isEqualTo(404);
    }

    static JsonObject clock(JsonObject review, String kind) {
        return review.getJsonArray("clocks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clock").equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + kind + " in " + review));
    }

    static List<String> ids(JsonObject list) {
        return list.getJsonArray("reviews").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("id"))
                .toList();
    }

    static List<String> auditAll(Api api) {
        return auditEntries(api).stream().map(o -> o.getString("action")).toList();
    }

    static List<JsonObject> auditEntries(Api api) {
        List<JsonObject> all = new java.util.ArrayList<>();
        String token = api.adminToken();
        for (int page = 0; ; page++) {
            List<JsonObject> entries = api.get("/api/v1/audit?size=100&page=" + page, token)
                    .json()
                    .getJsonArray("entries")
                    .getValuesAs(JsonObject.class);
            all.addAll(entries);
            if (entries.size() < 100) {
                return all;
            }
        }
    }

    static List<String> audit(Api api, String reviewId) {
        return api
                .get("/api/v1/audit?reviewId=" + reviewId + "&size=100", api.adminToken())
                .json()
                .getJsonArray("entries")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(o -> o.getString("action"))
                .toList();
    }
}
