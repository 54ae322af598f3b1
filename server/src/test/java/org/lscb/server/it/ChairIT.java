package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The board's Chair decides what its officers prepare (docs/domain.md "SCR decision support",
 * "Independence"): the SCR decision [7, 18] and an override of a lead's conflict; the panel check still
 * reports an overridden lead [11]; a closed review's reporting clock is still listed and swept.
 */
@ExtendWith(SharedServer.class)
class ChairIT {

    private static final String NOT_MET = "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":false,\"childDied\":false,"
            + "\"seriouslyHarmed\":true,\"interAgencyConcern\":\"NO\"},\"decision\":\"NO_REVIEW\","
            + "\"reason\":\"No abuse or neglect suspected; single-agency learning\"";

    private static final String MET = "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":true,"
            + "\"seriouslyHarmed\":false,\"interAgencyConcern\":\"NO\"},\"decision\":\"COMMISSION_SCR\","
            + "\"reason\":\"The child died and neglect is suspected\"}";

    @Test
    void theChairRecordsTheScrDecision_anOfficerIsRefused_andAnotherBoardsChairFindsNothing(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(5).getString("id");
        Api.Login otherChair = api.newAccount("LSCB_CHAIR", api.newOrganisation("LSCB"));

        Api.Reply byOfficer =
                api.post("/api/v1/reviews/" + id + "/scr-decision", w.officer().token(), MET);
        Api.Reply byOtherChair = api.post("/api/v1/reviews/" + id + "/scr-decision", otherChair.token(), MET);
        Api.Reply otherChairReads = api.get("/api/v1/reviews/" + id, otherChair.token());
        Api.Reply chairReads = api.get("/api/v1/reviews/" + id, w.chair().token());
        Api.Reply byChair = w.decide(id, MET);

        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        assertThat(byOtherChair.status()).as(byOtherChair.body()).isEqualTo(404);
        assertThat(otherChairReads.status()).isEqualTo(404);
        assertThat(chairReads.status()).as(chairReads.body()).isEqualTo(200);
        assertThat(byChair.status()).as(byChair.body()).isEqualTo(200);
        JsonObject review = byChair.json().getJsonObject("review");
        assertThat(review.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(review.getJsonObject("scrDecision").getString("decision")).isEqualTo("COMMISSION_SCR");
        assertThat(ReviewsIT.audit(api, id)).contains("SCR_DECISION_RECORDED");
        // the Chair lists the board's reviews as its officers do, and manages nothing
        assertThat(ReviewsIT.ids(
                        api.get("/api/v1/reviews?size=100", w.chair().token()).json()))
                .contains(id);
        assertThat(api.post(
                                "/api/v1/reviews/" + id + "/clocks/SCR_COMPLETION",
                                w.chair().token(),
                                "{\"action\":\"PAUSE\",\"reason\":\"Trial\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theChairOverridesAConflictedLead_anOfficerMayNot_andThePanelCheckSaysTheLeadIsNotIndependent(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String conflicted = w.reviewer(w.agencies().get(0));
        String independent = w.reviewer(null);
        String id = w.openScr(3).getString("id");
        String body = "{\"reviewerId\":\"" + conflicted
                + "\",\"role\":\"LEAD_REVIEWER\",\"override\":{\"reason\":\"The only reviewer with the expertise\"}}";
        Api.Login otherChair = api.newAccount("LSCB_CHAIR", api.newOrganisation("LSCB"));

        Api.Reply byOfficer =
                api.post("/api/v1/reviews/" + id + "/appointments", w.officer().token(), body);
        Api.Reply byOtherChair = api.post("/api/v1/reviews/" + id + "/appointments", otherChair.token(), body);
        Api.Reply byChair =
                api.post("/api/v1/reviews/" + id + "/appointments", w.chair().token(), body);
        // the officer appoints the rest of the panel: independent and qualified
        assertThat(w.appoint(id, independent, "PANEL_MEMBER").status()).isEqualTo(201);
        JsonObject panel = api.get(
                        "/api/v1/reviews/" + id + "/panel-check", w.chair().token())
                .json();

        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        assertThat(byOtherChair.status()).as(byOtherChair.body()).isEqualTo(404);
        assertThat(byChair.status()).as(byChair.body()).isEqualTo(201);
        assertThat(panel.getBoolean("meetsGuidance")).isFalse();
        assertThat(panel.getJsonArray("unmet").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("rule"))
                .containsExactly("INDEPENDENT_LEAD");
        // the override stays on record with its reason
        JsonObject lead = api
                .get("/api/v1/reviews/" + id, w.officer().token())
                .json()
                .getJsonArray("appointments")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(a -> a.getString("role").equals("LEAD_REVIEWER"))
                .findFirst()
                .orElseThrow();
        assertThat(lead.getJsonObject("override").getString("reason"))
                .isEqualTo("The only reviewer with the expertise");
        assertThat(ReviewsIT.audit(api, id)).contains("INDEPENDENCE_OVERRIDDEN");
        // a Chair appoints only over a conflict: the rest is the officers' work
        assertThat(w.api()
                        .post(
                                "/api/v1/reviews/" + id + "/appointments",
                                w.chair().token(),
                                "{\"reviewerId\":\"" + w.reviewer(null) + "\",\"role\":\"PANEL_MEMBER\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aNoReviewDecisionClosesTheReview_butItsOverdueOfstedClockIsListedAndSwept(Api api) throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(45).getString("id");
        String decidedOn = TestClock.today().minusDays(30).toString();

        Api.Reply decided = w.decide(id, NOT_MET + ",\"decidedOn\":\"" + decidedOn + "\"}");

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonObject review = decided.json().getJsonObject("review");
        assertThat(review.getString("status")).isEqualTo("CLOSED_NO_REVIEW");
        assertThat(ReviewsIT.clock(review, "DECISION_REPORTED").getString("status"))
                .isEqualTo("OVERDUE");
        assertThat(ReviewsIT.ids(api.get(
                                "/api/v1/reviews?clock=OVERDUE&size=100",
                                w.officer().token())
                        .json()))
                .contains(id);
        ReviewsIT.awaitTrue(
                "the sweep marks the closed review's reporting clock",
                () -> marked(api, w, id).contains("DECISION_REPORTED"));
        assertThat(ReviewsIT.audit(api, id)).contains("CLOCK_OVERDUE");

        // met after closing: no longer overdue on that clock
        Api.Reply met = api.post(
                "/api/v1/reviews/" + id + "/clocks/DECISION_REPORTED",
                w.officer().token(),
                "{\"action\":\"MET\"}");
        assertThat(met.status()).as(met.body()).isEqualTo(200);
        assertThat(ReviewsIT.clock(met.json(), "DECISION_REPORTED").getString("status"))
                .isEqualTo("MET");
    }

    private static List<String> marked(Api api, ReviewWorld w, String id) {
        return api
                .get("/api/v1/reviews/" + id, w.officer().token())
                .json()
                .getJsonArray("clocks")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> c.getBoolean("overdueMarked"))
                .map(c -> c.getString("clock"))
                .toList();
    }
}
