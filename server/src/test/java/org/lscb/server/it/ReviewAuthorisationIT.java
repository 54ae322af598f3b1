package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review access matrix (docs/security.md "Access control"): each kind of caller against every review
 * endpoint, on a review it stands in a relation to, on another board's review and on a missing id.
 * No relation is the same 404 as no review; a relation without the right is 403.
 */
@ExtendWith(SharedServer.class)
class ReviewAuthorisationIT {

    enum Endpoint {
        READ,
        INDEPENDENCE,
        PANEL_CHECK,
        APPOINT,
        END_APPOINTMENT,
        CLOCK,
        ORGANISATIONS,
        DECIDE,
        /** Appointing a conflicted lead over the independence check: the Chair's decision. */
        OVERRIDE
    }

    private Api api;
    private ReviewWorld own;
    private ReviewWorld other;
    private String ownReview;
    private String otherReview;
    private String reviewerId;
    private Api.Login cooperatingOfficer;
    private Api.Login cooperatingChair;
    private Api.Login appointedReviewer;

    @BeforeEach
    void world(Api api) {
        this.api = api;
        own = ReviewWorld.create(api);
        other = ReviewWorld.create(api);
        String cooperating = api.newOrganisation("LSCB");
        cooperatingOfficer = api.newAccount("LSCB_OFFICER", cooperating);
        cooperatingChair = api.newAccount("LSCB_CHAIR", cooperating);
        Api.Reply r = api.post(
                "/api/v1/reviews",
                own.officer().token(),
                "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"M-"
                        + Api.unique() + "\",\"pseudonym\":\"Child M\",\"leadLscbId\":\"" + own.board()
                        + "\",\"cooperatingLscbIds\":[\""
                        + cooperating + "\"],\"organisationIds\":" + ReviewWorld.quoted(own.agencies())
                        + ",\"dates\":{\"notification\":\""
                        + TestClock.today().minusDays(2) + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ownReview = r.json().getString("id");
        otherReview = other.openScr(2).getString("id");
        appointedReviewer = api.newAccount("REVIEWER");
        reviewerId = api.post(
                        "/api/v1/reviewers",
                        appointedReviewer.token(),
                        ReviewerRegistryIT.profile("Appointed " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        assertThat(own.appoint(ownReview, reviewerId, "PANEL_MEMBER").status()).isEqualTo(201);
    }

    @Test
    void leadBoardOfficer_managesOwnReview_butLeavesTheDecisionsToTheChair_andSeesNothingOfAnotherBoards() {
        Map<Endpoint, Integer> own =
                expect(200, Map.of(Endpoint.APPOINT, 201, Endpoint.DECIDE, 403, Endpoint.OVERRIDE, 403));
        check(this.own.officer().token(), ownReview, own);
        // the decision is refused by role before any review is looked up
        check(this.own.officer().token(), otherReview, expect(404, Map.of(Endpoint.DECIDE, 403)));
        check(this.own.officer().token(), UUID.randomUUID().toString(), expect(404, Map.of(Endpoint.DECIDE, 403)));
    }

    @Test
    void leadBoardChair_readsChecksAndDecides_butDoesNotManage_andSeesNothingOfAnotherBoards() {
        Map<Endpoint, Integer> expected = expect(
                403,
                Map.of(
                        Endpoint.READ, 200,
                        Endpoint.INDEPENDENCE, 200,
                        Endpoint.PANEL_CHECK, 200,
                        Endpoint.DECIDE, 200,
                        Endpoint.OVERRIDE, 201));
        check(own.chair().token(), ownReview, expected);
        Map<Endpoint, Integer> elsewhere =
                expect(404, Map.of(Endpoint.END_APPOINTMENT, 403, Endpoint.CLOCK, 403, Endpoint.ORGANISATIONS, 403));
        check(own.chair().token(), otherReview, elsewhere);
        check(own.chair().token(), UUID.randomUUID().toString(), elsewhere);
    }

    @Test
    void cooperatingBoardChair_readsAndChecksThePanel_butDecidesNothing() {
        Map<Endpoint, Integer> expected =
                expect(403, Map.of(Endpoint.READ, 200, Endpoint.INDEPENDENCE, 200, Endpoint.PANEL_CHECK, 200));
        check(cooperatingChair.token(), ownReview, expected);
    }

    @Test
    void cooperatingBoardOfficer_readsAndChecksThePanel_butCannotManage() {
        Map<Endpoint, Integer> expected =
                expect(403, Map.of(Endpoint.READ, 200, Endpoint.INDEPENDENCE, 200, Endpoint.PANEL_CHECK, 200));
        check(cooperatingOfficer.token(), ownReview, expected);
        check(cooperatingOfficer.token(), otherReview, expect(404, Map.of(Endpoint.DECIDE, 403)));
        check(cooperatingOfficer.token(), UUID.randomUUID().toString(), expect(404, Map.of(Endpoint.DECIDE, 403)));
    }

    @Test
    void involvedAgency_readsItsReviewOnly() {
        check(own.police().token(), ownReview, expect(403, Map.of(Endpoint.READ, 200)));
        check(own.police().token(), otherReview, expect(403, Map.of(Endpoint.READ, 404)));
        check(own.police().token(), UUID.randomUUID().toString(), expect(403, Map.of(Endpoint.READ, 404)));
    }

    @Test
    void agencyOfAnotherBoard_cannotSeeTheReview() {
        check(other.police().token(), ownReview, expect(403, Map.of(Endpoint.READ, 404)));
    }

    @Test
    void appointedReviewer_readsTheirReviewOnly() {
        check(appointedReviewer.token(), ownReview, expect(403, Map.of(Endpoint.READ, 200)));
        check(appointedReviewer.token(), otherReview, expect(403, Map.of(Endpoint.READ, 404)));
        check(appointedReviewer.token(), UUID.randomUUID().toString(), expect(403, Map.of(Endpoint.READ, 404)));
    }

    @Test
    void appointedCoronerAndPaediatrician_readTheirReviewOnly() {
        for (String role : List.of("CORONER", "PAEDIATRICIAN")) {
            Api.Login named = api.newAccount(role);
            assertThat(api.post(
                                    "/api/v1/reviews/" + ownReview + "/appointments",
                                    own.officer().token(),
                                    "{\"accountId\":\"" + named.id() + "\",\"role\":\"" + role + "\"}")
                            .status())
                    .as(role)
                    .isEqualTo(201);

            check(named.token(), ownReview, expect(403, Map.of(Endpoint.READ, 200)));
            check(named.token(), otherReview, expect(403, Map.of(Endpoint.READ, 404)));
            check(named.token(), UUID.randomUUID().toString(), expect(403, Map.of(Endpoint.READ, 404)));
        }
    }

    @Test
    void rolesWithNoRelation_seeNoReview() {
        for (String role : List.of("ADMIN", "REVIEWER", "CORONER", "PAEDIATRICIAN", "CDOP_MEMBER", "AGENCY_USER")) {
            Api.Login someone = api.newAccount(role);
            check(someone.token(), ownReview, expect(403, Map.of(Endpoint.READ, 404)));
            assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", someone.token()).json()))
                    .as(role)
                    .doesNotContain(ownReview);
        }
    }

    /** The panel of the lead board reviews its child deaths [23, 27]: it sees them, and none of its SCRs. */
    @Test
    void cdopMemberOfTheBoard_readsItsChildDeathReviews_butNotItsScr_andNothingOfAnotherBoards() {
        Api.Login cdop = api.newAccount("CDOP_MEMBER", own.board());
        String childDeath = own.openChildDeath(1).getString("id");
        String otherChildDeath = other.openChildDeath(1).getString("id");

        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", cdop.token()).json()))
                .containsExactly(childDeath);
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews?type=SERIOUS_CASE_REVIEW", cdop.token())
                        .json()))
                .isEmpty();
        Api.Reply read = api.get("/api/v1/reviews/" + childDeath, cdop.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getJsonArray("access").getString(0)).isEqualTo("LEAD_BOARD_CDOP_MEMBER");
        check(cdop.token(), ownReview, expect(403, Map.of(Endpoint.READ, 404)));
        check(cdop.token(), otherChildDeath, expect(403, Map.of(Endpoint.READ, 404)));
    }

    @Test
    void onlyAnOfficerOfTheLeadBoard_opensAReview() {
        String body = "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"X-" + Api.unique()
                + "\",\"pseudonym\":\"Child X\",\"leadLscbId\":\"" + own.board()
                + "\",\"organisationIds\":[],\"dates\":{}}";

        assertThat(api.post("/api/v1/reviews", other.officer().token(), body).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/reviews", api.adminToken(), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/reviews", own.police().token(), body).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/reviews", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/reviews", own.officer().token(), body).status())
                .isEqualTo(201);
    }

    @Test
    void withoutAToken_everyEndpointAnswers401() {
        check(null, ownReview, all(401));
    }

    @Test
    void refusals_areAudited() {
        api.get("/api/v1/reviews/" + ownReview, other.officer().token());

        assertThat(ReviewsIT.audit(api, ownReview)).contains("REVIEW_ACCESS_REFUSED");
    }

    @Test
    void forbiddenRequests_areAuditedWithCallerAndPath() {
        api.post(
                "/api/v1/reviews/" + ownReview + "/appointments",
                own.police().token(),
                "{\"reviewerId\":\"x\",\"role\":\"PANEL_MEMBER\"}");
        api.post(
                "/api/v1/reviews/" + ownReview + "/clocks/RAPID_REVIEW",
                cooperatingOfficer.token(),
                "{\"action\":\"MET\"}");

        List<jakarta.json.JsonObject> refused = ReviewsIT.auditEntries(api).stream()
                .filter(e -> e.getString("action").equals("ACCESS_REFUSED"))
                .filter(e -> e.getString("objectId", "").contains(ownReview))
                .toList();
        assertThat(refused)
                .extracting(e -> e.getString("actor"))
                .contains(own.police().id(), cooperatingOfficer.id());
    }

    private void check(String token, String reviewId, Map<Endpoint, Integer> expected) {
        String aid = appointmentToEnd(reviewId);
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((e, status) -> {
            Api.Reply r = call(e, token, reviewId, aid);
            soft.assertThat(r.status()).as(e + " " + r.body()).isEqualTo(status);
            if (status >= 400) {
                soft.assertThat(r.body()).as(e + " error shape").contains("\"error\"");
            }
        });
        soft.assertAll();
    }

    /** A fresh appointment on our own review for the DELETE to end (any id elsewhere). */
    private String appointmentToEnd(String reviewId) {
        if (!reviewId.equals(ownReview)) {
            return UUID.randomUUID().toString();
        }
        String someone = own.reviewer(null);
        return own.appoint(ownReview, someone, "PANEL_MEMBER").json().getString("id");
    }

    private Api.Reply call(Endpoint e, String token, String id, String aid) {
        String base = "/api/v1/reviews/" + id;
        return switch (e) {
            case READ -> api.get(base, token);
            case INDEPENDENCE -> api.get(base + "/independence/" + reviewerId, token);
            case PANEL_CHECK -> api.get(base + "/panel-check", token);
            case APPOINT ->
                api.post(
                        base + "/appointments",
                        token,
                        "{\"reviewerId\":\"" + own.reviewer(null) + "\",\"role\":\"PANEL_MEMBER\"}");
            case END_APPOINTMENT -> api.send("DELETE", base + "/appointments/" + aid, token, null, null);
            case CLOCK -> api.post(base + "/clocks/RAPID_REVIEW", token, "{\"action\":\"MET\"}");
            case ORGANISATIONS ->
                api.send(
                        "PUT",
                        base + "/organisations",
                        token,
                        "application/json",
                        ("{\"organisationIds\":" + ReviewWorld.quoted(own.agencies()) + "}")
                                .getBytes(StandardCharsets.UTF_8));
            case DECIDE ->
                api.post(
                        base + "/scr-decision",
                        token,
                        "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":true,"
                                + "\"seriouslyHarmed\":false,\"interAgencyConcern\":\"YES\"},\"decision\":\"COMMISSION_SCR\",\"reason\":\"met\"}");
            case OVERRIDE ->
                api.post(
                        base + "/appointments",
                        token,
                        "{\"reviewerId\":\"" + own.reviewer(own.agencies().get(0))
                                + "\",\"role\":\"LEAD_REVIEWER\",\"override\":{\"reason\":\"no one else\"}}");
        };
    }

    private static Map<Endpoint, Integer> all(int status) {
        return expect(status, Map.of());
    }

    private static Map<Endpoint, Integer> expect(int otherwise, Map<Endpoint, Integer> except) {
        Map<Endpoint, Integer> m = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            m.put(e, except.getOrDefault(e, otherwise));
        }
        return m;
    }
}
