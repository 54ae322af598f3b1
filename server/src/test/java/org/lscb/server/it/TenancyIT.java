package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boards are tenants: what an officer of one board might try against another board's accounts, audit,
 * membership and reviewer profiles, each refused ({@link TwoBoards}: A with its agencies as members, B with an officer).
 */
@ExtendWith(SharedServer.class)
class TenancyIT {

    private static String accountBody(String username, String role, String organisationId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Someone\",\"roles\":[\"" + role
                + "\"],\"organisationId\":\"" + organisationId + "\",\"password\":\"" + UUID.randomUUID() + "\"}";
    }

    @Test
    void anotherBoardsOfficer_cannotCreateAnAccountInThisBoardsAgency_andTheAttemptIsAudited(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        Instant before = Instant.now().minusSeconds(2);
        String username = "x" + Api.unique();

        Api.Reply r = api.post(
                "/api/v1/accounts",
                b.officerB().token(),
                accountBody(username, "AGENCY_USER", b.a().agencies().get(0)));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("not_found");
        assertThat(api.signIn(username, "anything at all").status())
                .as("no account was made")
                .isEqualTo(401);
        assertThat(AuditIT.since(api, api.adminToken(), before, null))
                .anyMatch(e -> e.getString("action").equals("ACCOUNT_ACCESS_REFUSED")
                        && e.getString("actor").equals(b.officerB().id()));
    }

    @Test
    void anOfficer_createsAccountsInTheBoardsMembers_butNotInAnOrganisationTheBoardDoesNotCover(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String stranger = api.newOrganisation("POLICE");

        assertThat(api.post(
                                "/api/v1/accounts",
                                b.a().officer().token(),
                                accountBody(
                                        "m" + Api.unique(),
                                        "AGENCY_USER",
                                        b.a().agencies().get(1)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/accounts",
                                b.a().officer().token(),
                                accountBody("m" + Api.unique(), "AGENCY_USER", stranger))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void accountReadsAndListings_areScopedToTheBoard(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String policeOfA = b.a().police().id();

        assertThat(api.get("/api/v1/accounts/" + policeOfA, b.officerB().token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + policeOfA, b.a().officer().token())
                        .status())
                .isEqualTo(200);

        List<JsonObject> seenByB = accounts(api, b.officerB().token());
        assertThat(seenByB).extracting(a -> a.getString("organisationId")).containsOnly(b.boardB());
        assertThat(seenByB)
                .extracting(a -> a.getString("id"))
                .contains(b.officerB().id())
                .doesNotContain(policeOfA);
        assertThat(accounts(api, b.a().officer().token()))
                .extracting(a -> a.getString("id"))
                .contains(policeOfA, b.a().officer().id())
                .doesNotContain(b.officerB().id());
    }

    @Test
    void theAuditOfNoReview_showsOnlyTheBoardsOwnPeople(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        Instant before = Instant.now().minusSeconds(2);
        Api.Login agencyOfA = api.newAccount("AGENCY_USER", b.a().agencies().get(1));
        api.get("/api/v1/accounts", agencyOfA.token()); // a refusal of A's person, audited without a review

        List<JsonObject> seenByB = AuditIT.since(api, b.officerB().token(), before, null);
        List<JsonObject> seenByA = AuditIT.since(api, b.a().officer().token(), before, null);

        assertThat(seenByB)
                .noneMatch(e -> e.getString("actor").equals(agencyOfA.id())
                        || agencyOfA.id().equals(e.getString("objectId", null)));
        assertThat(seenByA)
                .anyMatch(e -> e.getString("actor").equals(agencyOfA.id())
                        && e.getString("action").equals("SIGN_IN_SUCCEEDED"));
        assertThat(seenByA)
                .anyMatch(e -> e.getString("actor").equals(agencyOfA.id())
                        && e.getString("action").equals("ACCESS_REFUSED"));
    }

    @Test
    void membership_isKeptByAnAdministrator_andReadOnlyByTheBoardsOwnOfficers(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String members = "/api/v1/organisations/" + b.a().board() + "/members";
        String extra = api.newOrganisation("EDUCATION");

        assertThat(api.post(members, b.a().officer().token(), "{\"organisationId\":\"" + extra + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get(members, b.officerB().token()).status()).isEqualTo(404);
        assertThat(ids(api.get(members, b.a().officer().token()).value().asJsonArray()))
                .containsExactlyInAnyOrderElementsOf(b.a().agencies());

        Api.Reply removed = api.send("DELETE", members + "/" + b.a().agencies().get(0), api.adminToken(), null, null);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(
                                "/api/v1/accounts/" + b.a().police().id(),
                                b.a().officer().token())
                        .status())
                .as("the police left the board's reach")
                .isEqualTo(404);
        assertThat(api.send("DELETE", members + "/" + b.a().agencies().get(0), api.adminToken(), null, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aBoardCannotCoverAnotherBoard_norBeCoveredByANonBoard(Api api) {
        TwoBoards b = TwoBoards.create(api, false);

        Api.Reply board = api.post(
                "/api/v1/organisations/" + b.a().board() + "/members",
                api.adminToken(),
                "{\"organisationId\":\"" + b.boardB() + "\"}");
        Api.Reply notABoard = api.post(
                "/api/v1/organisations/" + b.a().agencies().get(0) + "/members",
                api.adminToken(),
                "{\"organisationId\":\"" + b.a().agencies().get(1) + "\"}");
        Api.Reply missing = api.post("/api/v1/organisations/" + b.a().board() + "/members", api.adminToken(), "{}");

        assertThat(board.status()).isEqualTo(400);
        assertThat(notABoard.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void anOrganisationAnOfficerRegisters_joinsTheirBoard(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        Api.Reply school = api.post(
                "/api/v1/organisations",
                b.officerB().token(),
                "{\"name\":\"School " + Api.unique() + "\",\"kind\":\"EDUCATION\"}");
        String schoolId = school.json().getString("id");

        assertThat(ids(api.get(
                                "/api/v1/organisations/" + b.boardB() + "/members",
                                b.officerB().token())
                        .value()
                        .asJsonArray()))
                .containsExactly(schoolId);
        assertThat(api.post(
                                "/api/v1/accounts",
                                b.officerB().token(),
                                accountBody("s" + Api.unique(), "AGENCY_USER", schoolId))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anotherBoardsOfficer_cannotChangeTheProfileOfThisBoardsLeadReviewer(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String reviewId = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewId);
        String path = "/api/v1/reviewers/" + lead;
        String tokenB = b.officerB().token();

        assertThat(api.send(
                                "PUT",
                                path,
                                tokenB,
                                "application/json",
                                ReviewerRegistryIT.profile("Renamed", "POLICE", "LONDON")
                                        .getBytes())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path + "/interests",
                                tokenB,
                                "{\"description\":\"planted\",\"organisationId\":\""
                                        + b.a().agencies().get(0) + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path + "/affiliations",
                                tokenB,
                                "{\"organisationId\":\"" + b.a().agencies().get(0)
                                        + "\",\"kind\":\"EMPLOYMENT\",\"from\":\"2020-01-01\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path + "/evidence", tokenB, ReviewerRegistryIT.training())
                        .status())
                .isEqualTo(403);

        JsonObject profile = api.get(path, b.a().officer().token()).json();
        assertThat(profile.getString("displayName")).isNotEqualTo("Renamed");
        assertThat(profile.getJsonArray("interests")).isEmpty();
        assertThat(profile.getJsonArray("affiliations")).isEmpty();
        assertThat(profile.getJsonArray("evidence")).hasSize(1);
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/panel-check",
                                b.a().officer().token())
                        .json()
                        .getBoolean("meetsGuidance"))
                .isTrue();
    }

    @Test
    void aWithdrawalFromAnotherBoard_needsItsReason_isShownToTheAppointingBoard_andIsUndoneByANewVerification(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String reviewId = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewId);
        String evidence = api.get("/api/v1/reviewers/" + lead, b.a().officer().token())
                .json()
                .getJsonArray("evidence")
                .getJsonObject(0)
                .getString("id");
        String verification = "/api/v1/reviewers/" + lead + "/evidence/" + evidence + "/verification";
        Instant before = Instant.now().minusSeconds(2);

        Api.Reply noReason = api.post(verification, b.officerB().token(), "{\"verified\":false}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getJsonObject("details").getString("field")).isEqualTo("note");

        JsonObject withdrawn = api.post(
                        verification, b.officerB().token(), "{\"verified\":false,\"note\":\"certificate not found\"}")
                .json();
        JsonObject ev = withdrawn.getJsonArray("evidence").getJsonObject(0);
        assertThat(withdrawn.getBoolean("qualified")).isFalse();
        assertThat(ev.getString("withdrawnBy")).isEqualTo(b.officerB().id());
        assertThat(ev.getString("note")).isEqualTo("certificate not found");
        assertThat(AuditIT.since(api, b.a().officer().token(), before, reviewId))
                .anyMatch(e -> e.getString("action").equals("EVIDENCE_WITHDRAWN")
                        && e.getString("details").contains("certificate not found"));
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/panel-check",
                                b.a().officer().token())
                        .json()
                        .getBoolean("meetsGuidance"))
                .isFalse();

        Api.Reply reverified = api.post(
                verification,
                b.a().officer().token(),
                "{\"verified\":true,\"note\":\"certificate checked with SCIE\"}");
        assertThat(reverified.status()).as(reverified.body()).isEqualTo(200);
        assertThat(reverified.json().getBoolean("qualified")).isTrue();
        assertThat(reverified.json().getJsonArray("evidence").getJsonObject(0).containsKey("withdrawnBy"))
                .isFalse();
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/panel-check",
                                b.a().officer().token())
                        .json()
                        .getBoolean("meetsGuidance"))
                .isTrue();
    }

    @Test
    void aBoard_recordsAnInterestOfItsLeadReviewerInItsOwnReview(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String reviewId = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewId);

        Api.Reply r = api.post(
                "/api/v1/reviewers/" + lead + "/interests",
                b.a().officer().token(),
                "{\"description\":\"Attended a strategy meeting about the child\",\"reviewId\":\"" + reviewId + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonArray("interests")).hasSize(1);
    }

    @Test
    void appointingAnotherBoardsLeadReviewer_givesNoWayToConflictThemInThatBoardsReview(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String reviewOfA = b.a().openScr(5).getString("id");
        String lead = b.a().appointedLead(reviewOfA);
        String reviewOfB = b.reviewOfB();
        assertThat(api.post(
                                "/api/v1/reviews/" + reviewOfB + "/appointments",
                                b.officerB().token(),
                                "{\"reviewerId\":\"" + lead + "\",\"role\":\"PANEL_MEMBER\"}")
                        .status())
                .isEqualTo(201);
        String path = "/api/v1/reviewers/" + lead;

        assertThat(api.post(
                                path + "/interests",
                                b.officerB().token(),
                                "{\"description\":\"planted\",\"organisationId\":\""
                                        + b.a().agencies().get(0) + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path + "/interests",
                                b.officerB().token(),
                                "{\"description\":\"planted\",\"reviewId\":\"" + reviewOfA + "\"}")
                        .status())
                .as("A's review, which B cannot see")
                .isEqualTo(400);
        assertThat(api.post(
                                path + "/affiliations",
                                b.officerB().token(),
                                "{\"organisationId\":\"" + b.a().agencies().get(0)
                                        + "\",\"kind\":\"EMPLOYMENT\",\"from\":\"2020-01-01\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path + "/interests",
                                b.officerB().token(),
                                "{\"description\":\"Knows the family\",\"reviewId\":\"" + reviewOfB + "\"}")
                        .status())
                .as("B's own review")
                .isEqualTo(201);

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
                .noneMatch(a -> a.containsKey("flagged") && a.getBoolean("flagged"));
    }

    @Test
    void declaringAnInterestInAReviewTheCallerCannotSee_answersAsForAMissingReview(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String reviewOfA = b.a().openScr(5).getString("id");
        Api.Login reviewer = api.newAccount("REVIEWER");
        String own = api.post(
                        "/api/v1/reviewers",
                        reviewer.token(),
                        ReviewerRegistryIT.profile("Self " + Api.unique(), "HEALTH", "LONDON"))
                .json()
                .getString("id");
        String path = "/api/v1/reviewers/" + own + "/interests";

        Api.Reply hidden =
                api.post(path, reviewer.token(), "{\"description\":\"involved\",\"reviewId\":\"" + reviewOfA + "\"}");
        Api.Reply missing = api.post(
                path, reviewer.token(), "{\"description\":\"involved\",\"reviewId\":\"" + UUID.randomUUID() + "\"}");

        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(400);
        assertThat(hidden.json().getString("message")).isEqualTo(missing.json().getString("message"));
    }

    /** The access matrix of the tenancy endpoints: another board's officer and every other role are refused. */
    @Test
    void everyTenancyEndpoint_refusesAnotherBoardsOfficer_andTheRolesWithoutTheRight(Api api) {
        TwoBoards b = TwoBoards.create(api, false);
        String members = "/api/v1/organisations/" + b.a().board() + "/members";
        String account = "/api/v1/accounts/" + b.a().police().id();
        String tokenB = b.officerB().token();

        assertThat(api.get(members, tokenB).status()).isEqualTo(404);
        assertThat(api.post(members, tokenB, "{\"organisationId\":\"" + b.boardB() + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", members + "/" + b.a().agencies().get(0), tokenB, null, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(account, tokenB).status()).isEqualTo(404);
        for (String role : List.of("AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER")) {
            String token = api.newAccount(role).token();
            assertThat(api.get(members, token).status()).as(role).isEqualTo(403);
            assertThat(api.post(members, token, "{\"organisationId\":\"" + b.boardB() + "\"}")
                            .status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.send("DELETE", members + "/" + b.a().agencies().get(0), token, null, null)
                            .status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get(account, token).status()).as(role).isEqualTo(403);
        }
        assertThat(api.get(members, null).status()).isEqualTo(401);
    }

    private static List<JsonObject> accounts(Api api, String token) {
        List<JsonObject> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Reply r = api.get("/api/v1/accounts?size=100&page=" + page, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<JsonObject> items = r.json().getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    private static Set<String> ids(jakarta.json.JsonArray array) {
        Set<String> out = new HashSet<>();
        array.getValuesAs(JsonObject.class).forEach(o -> out.add(o.getString("id")));
        return out;
    }
}
