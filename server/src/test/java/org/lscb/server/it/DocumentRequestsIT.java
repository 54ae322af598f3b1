package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document requests over the API (docs/api.md "Document requests"): the lead board asks an organisation of the
 * review for a document by a day, the organisation sees it until it sends a document of that type, bad input
 * and other boards are refused and leave nothing behind.
 */
@ExtendWith(SharedServer.class)
class DocumentRequestsIT {

    static Api.Reply ask(
            Api api, Api.Login officer, String reviewId, String organisationId, String type, LocalDate due) {
        return api.post(
                "/api/v1/reviews/" + reviewId + "/requests",
                officer.token(),
                "{\"organisationId\":\"" + organisationId + "\",\"type\":\"" + type + "\",\"dueOn\":\"" + due
                        + "\",\"note\":\"Cover the year before the incident\"}");
    }

    /** A plain upload by {@code who}: the server seals it to the review's recipients. */
    static Api.Reply sendPlain(Api api, Api.Login who, String reviewId, String type, String title) {
        return api.send(
                "POST",
                "/api/v1/reviews/" + reviewId + "/documents/plain?type=" + type + "&title="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
                who.token(),
                "application/octet-stream",
                ("The " + title + " of the test").getBytes());
    }

    @Test
    void officerAsksThePoliceForAnImr_thePoliceSeeIt_untilTheySendOne() throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String reviewId = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        LocalDate due = TestClock.today().plusDays(20);

        Api.Reply asked = ask(api, w.officer(), reviewId, w.agencies().get(0), "IMR", due);
        String id = asked.json().getString("id");
        JsonObject one = api.get(
                        "/api/v1/reviews/" + reviewId + "/requests/" + id,
                        w.police().token())
                .json();
        String askedOfPolice = api.get("/api/v1/requests", w.police().token()).body();
        Api.Login health = api.newAccount("AGENCY_USER", w.agencies().get(1));
        String seenByHealth = api.get("/api/v1/reviews/" + reviewId + "/requests", health.token())
                .body();
        assertThat(sendPlain(api, w.police(), reviewId, "CHRONOLOGY", "Police chronology")
                        .status())
                .isEqualTo(201);
        String afterChronology = api.get(
                        "/api/v1/reviews/" + reviewId + "/requests", w.officer().token())
                .body();
        assertThat(sendPlain(api, w.police(), reviewId, "IMR", "Police IMR").status())
                .isEqualTo(201);
        JsonObject afterImr = api.get(
                        "/api/v1/reviews/" + reviewId + "/requests", w.officer().token())
                .value()
                .asJsonArray()
                .getJsonObject(0);

        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/v1/reviews/" + reviewId + "/requests/" + id);
        assertThat(one.getString("type")).isEqualTo("IMR");
        assertThat(one.getString("dueOn")).isEqualTo(due.toString());
        assertThat(one.getString("state")).isEqualTo("OPEN");
        assertThat(one.getString("note")).isEqualTo("Cover the year before the incident");
        assertThat(askedOfPolice).contains(id);
        assertThat(seenByHealth)
                .as("another agency of the review sees only what is asked of it")
                .isEqualTo("[]");
        assertThat(afterChronology).contains("\"state\":\"OPEN\"");
        assertThat(afterImr.getString("state")).isEqualTo("ANSWERED");
        assertThat(afterImr.getString("answeredAt")).isNotNull();
        assertThat(api.get("/api/v1/requests", w.police().token()).body()).doesNotContain(id);
        assertThat(ReviewsIT.audit(api, reviewId)).contains("DOCUMENT_REQUESTED");
    }

    @Test
    void badInput_isRefusedNamingTheField_andNothingIsStored() {
        ReviewWorld w = ReviewWorld.create(api);
        String reviewId = w.openScr(3).getString("id");
        String school = api.newOrganisation("EDUCATION");
        String police = w.agencies().get(0);
        LocalDate soon = TestClock.today().plusDays(10);

        Api.Reply past =
                ask(api, w.officer(), reviewId, police, "IMR", TestClock.today().minusDays(2));
        Api.Reply notInvolved = ask(api, w.officer(), reviewId, school, "IMR", soon);
        Api.Reply unknownType = ask(api, w.officer(), reviewId, police, "DIARY", soon);
        Api.Reply badDate = api.post(
                "/api/v1/reviews/" + reviewId + "/requests",
                w.officer().token(),
                "{\"organisationId\":\"" + police + "\",\"type\":\"IMR\",\"dueOn\":\"31/12/2030\"}");
        Api.Reply unknownField = api.post(
                "/api/v1/reviews/" + reviewId + "/requests",
                w.officer().token(),
                "{\"organisationId\":\"" + police + "\",\"type\":\"IMR\",\"dueOn\":\"" + soon
                        + "\",\"childName\":\"Jane\"}");
        Api.Reply noType = api.post(
                "/api/v1/reviews/" + reviewId + "/requests",
                w.officer().token(),
                "{\"organisationId\":\"" + police + "\",\"dueOn\":\"" + soon + "\"}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().getJsonObject("details").getString("field")).isEqualTo("dueOn");
        assertThat(notInvolved.status()).isEqualTo(400);
        assertThat(notInvolved.json().getJsonObject("details").getString("field"))
                .isEqualTo("organisationId");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().getJsonObject("details").getString("field")).isEqualTo("type");
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/requests",
                                w.officer().token())
                        .body())
                .isEqualTo("[]");
        assertThat(ReviewsIT.audit(api, reviewId)).contains("REVIEW_CHANGE_REFUSED");
    }

    @Test
    void anotherBoardsOfficer_getsNotFound_othersOfTheReviewAreRefused_andNothingIsStored() {
        TwoBoards boards = TwoBoards.create(api, true);
        ReviewWorld w = boards.a();
        String reviewId = w.openScr(3).getString("id");
        LocalDate soon = TestClock.today().plusDays(10);

        Api.Reply byOtherBoard =
                ask(api, boards.officerB(), reviewId, w.agencies().get(0), "IMR", soon);
        Api.Reply readByOtherBoard = api.get(
                "/api/v1/reviews/" + reviewId + "/requests", boards.officerB().token());
        Api.Reply readByOtherAgency = api.get(
                "/api/v1/reviews/" + reviewId + "/requests", boards.agencyB().token());
        Api.Reply byAgency = api.post(
                "/api/v1/reviews/" + reviewId + "/requests",
                w.police().token(),
                "{\"organisationId\":\"" + w.agencies().get(0) + "\",\"type\":\"IMR\",\"dueOn\":\"" + soon + "\"}");
        Api.Reply missingReview =
                ask(api, w.officer(), "no-such-review", w.agencies().get(0), "IMR", soon);

        assertThat(byOtherBoard.status()).isEqualTo(404);
        assertThat(readByOtherBoard.status()).isEqualTo(404);
        assertThat(readByOtherAgency.status()).isEqualTo(404);
        assertThat(byAgency.status()).isEqualTo(403);
        assertThat(missingReview.status()).isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/requests",
                                w.officer().token())
                        .body())
                .isEqualTo("[]");
        assertThat(api.get("/api/v1/requests", w.police().token()).body()).isEqualTo("[]");
    }

    private final Api api;

    DocumentRequestsIT(Api api) {
        this.api = api;
    }
}
