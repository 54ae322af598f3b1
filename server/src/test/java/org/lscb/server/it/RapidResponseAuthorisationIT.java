package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access matrix of the rapid response's endpoints (docs/security.md "Access control"): who records the visit
 * decision [32] and the post-mortem [36-39] on a child death review, each caller on a fresh review of a looked-after
 * child (so that a cooperating board exists [25]) notified by the police and involving health, with the paediatrician,
 * the coroner and a panel member appointed. No relation is 404, as for a missing review; a relation or role the rule
 * does not name is 403.
 */
@ExtendWith(SharedServer.class)
class RapidResponseAuthorisationIT {

    enum Endpoint {
        VISIT_DECISION,
        POST_MORTEM
    }

    private Api api;
    private ReviewWorld own;
    private ReviewWorld other;
    private String cooperating;
    private Api.Login health;
    private Api.Login paediatrician;
    private Api.Login coroner;
    private Api.Login reviewer;
    private String reviewerId;
    private Instant died;

    @BeforeEach
    void world(Api api) {
        this.api = api;
        own = ReviewWorld.create(api);
        other = ReviewWorld.create(api);
        cooperating = api.newOrganisation("LSCB");
        health = api.newAccount("AGENCY_USER", own.agencies().get(1));
        paediatrician = api.newAccount("PAEDIATRICIAN");
        coroner = api.newAccount("CORONER");
        reviewer = api.newAccount("REVIEWER");
        reviewerId = api.post(
                        "/api/v1/reviewers",
                        reviewer.token(),
                        ReviewerRegistryIT.profile("Panel " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        died = TestClock.FIXED.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A fresh review, so that each caller's record is the first one. */
    private String review() {
        Api.Reply notified = api.post(
                "/api/v1/child-death-notifications",
                own.police().token(),
                ChildDeathNotificationIT.body(
                                ChildDeathNotificationIT.Child.next(),
                                died,
                                cooperating,
                                Map.of("lookedAfter", JsonValue.TRUE, "lookedAfterByLscbId", own.board()))
                        .toString());
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
        String id = notified.json().getJsonObject("review").getString("id");
        assertThat(api.send(
                                "PUT",
                                "/api/v1/reviews/" + id + "/organisations",
                                own.officer().token(),
                                "application/json",
                                ("{\"organisationIds\":"
                                                + ReviewWorld.quoted(
                                                        own.agencies().subList(0, 2)) + "}")
                                        .getBytes())
                        .status())
                .isEqualTo(200);
        for (var a : Map.of(paediatrician, "PAEDIATRICIAN", coroner, "CORONER").entrySet()) {
            assertThat(api.post(
                                    "/api/v1/reviews/" + id + "/appointments",
                                    own.officer().token(),
                                    "{\"accountId\":\"" + a.getKey().id() + "\",\"role\":\"" + a.getValue() + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        assertThat(own.appoint(id, reviewerId, "PANEL_MEMBER").status()).isEqualTo(201);
        return id;
    }

    @Test
    void leadBoardOfficer_recordsBoth() {
        check(own.officer(), expect(200, Map.of()));
    }

    @Test
    void policeOfTheReview_recordTheVisitDecision_notThePostMortem() {
        check(own.police(), expect(403, Map.of(Endpoint.VISIT_DECISION, 200)));
    }

    @Test
    void otherAgenciesOfTheReview_recordNeither() {
        check(health, expect(403, Map.of()));
    }

    @Test
    void appointedPaediatrician_recordsBoth() {
        check(paediatrician, expect(200, Map.of()));
    }

    @Test
    void appointedCoroner_recordsThePostMortem_notTheVisitDecision() {
        check(coroner, expect(403, Map.of(Endpoint.POST_MORTEM, 200)));
    }

    @Test
    void appointedReviewer_leadBoardsChair_andCooperatingBoardsOfficer_recordNeither() {
        check(reviewer, expect(403, Map.of()));
        check(own.chair(), expect(403, Map.of()));
        check(api.newAccount("LSCB_OFFICER", cooperating), expect(403, Map.of()));
    }

    @Test
    void anotherBoardsPeople_andThoseNotAppointed_seeNoReview() {
        check(other.officer(), expect(404, Map.of()));
        check(other.police(), expect(404, Map.of(Endpoint.POST_MORTEM, 403)));
        check(api.newAccount("PAEDIATRICIAN"), expect(404, Map.of()));
        check(api.newAccount("CORONER"), expect(404, Map.of(Endpoint.VISIT_DECISION, 403)));
    }

    @Test
    void rolesThatRecordNothing_areRefusedByRole() {
        for (String role : List.of("ADMIN", "CDOP_MEMBER", "REVIEWER")) {
            check(api.newAccount(role), expect(403, Map.of()));
        }
    }

    @Test
    void missingReview_isNotFound() {
        SoftAssertions soft = new SoftAssertions();
        String missing = UUID.randomUUID().toString();
        for (Endpoint e : Endpoint.values()) {
            soft.assertThat(call(e, own.officer(), missing).status())
                    .as(e.name())
                    .isEqualTo(404);
        }
        soft.assertAll();
    }

    private void check(Api.Login who, Map<Endpoint, Integer> expected) {
        SoftAssertions soft = new SoftAssertions();
        for (Endpoint e : Endpoint.values()) {
            Api.Reply r = call(e, who, review());
            soft.assertThat(r.status()).as(e + ": " + r.body()).isEqualTo(expected.get(e));
        }
        soft.assertAll();
    }

    private Api.Reply call(Endpoint e, Api.Login who, String id) {
        String body = switch (e) {
            case VISIT_DECISION ->
                "{\"decision\":\"VISITED\",\"visitedAt\":\"" + died.plus(Duration.ofHours(1)) + "\"}";
            case POST_MORTEM ->
                "{\"finalReportOn\":\"" + TestClock.today()
                        + "\",\"inquestOpened\":true,\"suggestsAbuseOrNeglect\":false}";
        };
        String path = switch (e) {
            case VISIT_DECISION -> "visit-decision";
            case POST_MORTEM -> "post-mortem";
        };
        return api.send("PUT", "/api/v1/reviews/" + id + "/" + path, who.token(), "application/json", body.getBytes());
    }

    private static Map<Endpoint, Integer> expect(int otherwise, Map<Endpoint, Integer> exceptions) {
        Map<Endpoint, Integer> m = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            m.put(e, exceptions.getOrDefault(e, otherwise));
        }
        return m;
    }
}
