package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paths by which board B's people (its officer, an agency user of its own) could reach board A's reviews, panel or
 * case knowledge through what the boards share: the reviewer register, the organisation directory, and the
 * endpoints of a review ({@link TwoBoards}).
 */
@ExtendWith(SharedServer.class)
class CrossBoardProbeIT {

    /**
     * An officer records an interest of any reviewer for a review their own board leads, but never one that names an
     * organisation: that would conflict the reviewer in every review involving the organisation, other boards' too,
     * and nothing in the API removes an interest.
     */
    @Test
    void anInterestRecordedThroughTheBoardsOwnReview_cannotNameAnOrganisation_andSoCannotConflictAnotherBoardsLead(
            Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        String reviewOfA = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewOfA);
        String ownReview = b.reviewOfB();

        Api.Reply planted = api.post(
                "/api/v1/reviewers/" + lead + "/interests",
                b.officerB().token(),
                "{\"description\":\"planted\"," + "\"reviewId\":\"" + ownReview + "\",\"organisationId\":\""
                        + b.a().agencies().get(0) + "\"}");

        assertThat(planted.status()).as(planted.body()).isEqualTo(403);
        assertThat(api.get("/api/v1/reviewers/" + lead, b.a().officer().token())
                        .json()
                        .getJsonArray("interests"))
                .isEmpty();
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewOfA + "/panel-check",
                                b.a().officer().token())
                        .json()
                        .getBoolean("meetsGuidance"))
                .isTrue();
        assertThat(api.get("/api/v1/reviews/" + reviewOfA, b.a().officer().token())
                        .json()
                        .getJsonArray("appointments")
                        .getValuesAs(JsonObject.class))
                .noneMatch(a -> a.getBoolean("flagged", false));
        // what the rule still allows: direct involvement in B's own review, which conflicts the reviewer there alone
        assertThat(api.post(
                                "/api/v1/reviewers/" + lead + "/interests",
                                b.officerB().token(),
                                "{\"description\":\"Knows the family\"," + "\"reviewId\":\"" + ownReview + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewOfA + "/panel-check",
                                b.a().officer().token())
                        .json()
                        .getBoolean("meetsGuidance"))
                .isTrue();
    }

    /**
     * What a board records of its own case on a reviewer's profile (an interest naming its review: "taught the
     * child's mother") is shown only to those who see that review, though the register is read by every board.
     */
    @Test
    void anInterestNamingAReview_isShownOnlyToThoseWhoSeeThatReview_andStillCountsThere(Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        String reviewOfA = b.a().openScr(5).getString("id");
        String lead = b.a().reviewer(null);
        String caseDetail = "Taught the mother of Child A in 2019 " + Api.unique();
        assertThat(api.post(
                                "/api/v1/reviewers/" + lead + "/interests",
                                b.a().officer().token(),
                                "{\"description\":\"" + caseDetail + "\",\"reviewId\":\"" + reviewOfA + "\"}")
                        .status())
                .isEqualTo(201);

        JsonObject seenByB =
                api.get("/api/v1/reviewers/" + lead, b.officerB().token()).json();
        JsonObject seenByA =
                api.get("/api/v1/reviewers/" + lead, b.a().officer().token()).json();

        assertThat(seenByB.toString()).doesNotContain(caseDetail).doesNotContain(reviewOfA);
        assertThat(seenByA.getJsonArray("interests").getValuesAs(JsonObject.class))
                .anyMatch(i -> i.getString("description").equals(caseDetail)
                        && i.getString("reviewId").equals(reviewOfA));
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewOfA + "/independence/" + lead,
                                b.a().officer().token())
                        .json()
                        .getBoolean("independent"))
                .as("the interest still conflicts the reviewer in A's review")
                .isFalse();
    }

    /**
     * The organisation directory is shared, and an organisation an officer registers joins their board: one named
     * like A's police force (exactly, or with a Cyrillic letter) would let B give it accounts, and A's officer
     * involving it in a review by mistake would let B's account read the review as "the police". Such names are refused.
     */
    @Test
    void anotherBoardsOfficer_cannotRegisterAnOrganisationNamedLikeAnExistingOne(Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        String police = api.get(
                        "/api/v1/organisations/" + b.a().agencies().get(0),
                        b.a().officer().token())
                .json()
                .getString("name");
        String cyrillic = police.replaceFirst("P", "\u0420"); // CYRILLIC CAPITAL LETTER ER looks like P

        Api.Reply same = api.post(
                "/api/v1/organisations", b.officerB().token(), "{\"name\":\"" + police + "\",\"kind\":\"POLICE\"}");
        Api.Reply lookalike = api.post(
                "/api/v1/organisations", b.officerB().token(), "{\"name\":\"" + cyrillic + "\",\"kind\":\"POLICE\"}");
        Api.Reply spaced = api.post(
                "/api/v1/organisations",
                b.officerB().token(),
                "{\"name\":\" " + police.replace(" ", "  ") + " \",\"kind\":\"POLICE\"}");

        assertThat(same.status()).as(same.body()).isEqualTo(400);
        assertThat(same.json().getJsonObject("details").getString("field")).isEqualTo("name");
        assertThat(lookalike.status()).as(lookalike.body()).isEqualTo(400);
        assertThat(spaced.status()).as(spaced.body()).isEqualTo(400);
        assertThat(api.get(
                                "/api/v1/organisations/" + b.boardB() + "/members",
                                b.officerB().token())
                        .value()
                        .asJsonArray())
                .hasSize(1);
        assertThat(api.post(
                                "/api/v1/organisations",
                                b.officerB().token(),
                                "{\"name\":\"Eastbrook Police " + Api.unique() + "\",\"kind\":\"POLICE\"}")
                        .status())
                .as("a name of its own")
                .isEqualTo(201);
    }

    /** Every endpoint of A's review answers B's officer and B's agency user as for a missing object. */
    @Test
    void anotherBoardsPeople_reachNothingOfThisBoardsReview(Api api) {
        TwoBoards b = TwoBoards.create(api, true);
        String reviewOfA = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewOfA);
        String appointment = api.get(
                        "/api/v1/reviews/" + reviewOfA, b.a().officer().token())
                .json()
                .getJsonArray("appointments")
                .getJsonObject(0)
                .getString("id");
        String base = "/api/v1/reviews/" + reviewOfA;
        Instant before = Instant.now().minusSeconds(2);

        for (Api.Login who : List.of(b.officerB(), b.agencyB())) {
            String token = who.token();
            for (String path : List.of(base, base + "/documents", base + "/recipients", base + "/bundle")) {
                assertThat(api.get(path, token).status())
                        .as(who.username() + " GET " + path)
                        .isEqualTo(404);
            }
            assertThat(api.post(base + "/documents/plain?type=IMR&title=x", token, "{}")
                            .status())
                    .as("upload")
                    .isIn(404, 415);
            assertThat(api.send(
                                    "POST",
                                    base + "/documents/plain?type=IMR&title=x",
                                    token,
                                    "application/octet-stream",
                                    "plain".getBytes())
                            .status())
                    .as("plain upload")
                    .isEqualTo(404);
        }
        String tokenB = b.officerB().token();
        assertThat(api.get(base + "/panel-check", tokenB).status()).isEqualTo(404);
        assertThat(api.get(base + "/independence/" + lead, tokenB).status()).isEqualTo(404);
        assertThat(api.send("DELETE", base + "/appointments/" + appointment, tokenB, null, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                base + "/appointments",
                                tokenB,
                                "{\"reviewerId\":\"" + lead + "\",\"role\":\"PANEL_MEMBER\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/clocks/SCR_DECISION", tokenB, "{\"action\":\"MET\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                "PUT",
                                base + "/organisations",
                                tokenB,
                                "application/json",
                                "{\"organisationIds\":[]}".getBytes())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/audit?reviewId=" + reviewOfA, tokenB).json().getJsonArray("entries"))
                .isEmpty();
        assertThat(api.get("/api/v1/reviews", tokenB)
                        .json()
                        .getJsonArray("reviews")
                        .getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getString("id").equals(reviewOfA));
        assertThat(AuditIT.since(api, b.a().officer().token(), before, reviewOfA))
                .anyMatch(e -> e.getString("action").equals("REVIEW_ACCESS_REFUSED")
                        && e.getString("actor").equals(b.officerB().id()));
        JsonObject after = api.get(base, b.a().officer().token()).json();
        assertThat(after.getJsonArray("appointments")).hasSize(1);
        assertThat(after.getJsonArray("organisationIds")).hasSize(3);
    }
}
