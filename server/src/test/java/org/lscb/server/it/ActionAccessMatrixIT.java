package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * Who gets each action plan endpoint and page (docs/api.md "Action plans"): the lead board's officer and Chair, the
 * owning agency, another organisation of the same board, another board's officer, Chair and agency user, and the
 * roles that follow no action plan (reviewer, coroner, CDOP member, administrator). Another board's people are
 * told nothing exists (404); another organisation of the board neither sees nor changes an action it does not own.
 */
@ExtendWith(SharedServer.class)
class ActionAccessMatrixIT {

    enum Who {
        OFFICER_A,
        CHAIR_A,
        /** The police: involved in the review, and the action's owner. */
        OWNER_A,
        /** Health: involved in the review too, a partner of the same board, not the owner. */
        OTHER_AGENCY_A,
        OFFICER_B,
        CHAIR_B,
        AGENCY_B,
        REVIEWER,
        CORONER,
        CDOP_MEMBER,
        ADMIN
    }

    /**
     * One endpoint: the answer each person gets ({@code answers}, one status a person in {@link Who}'s order) and,
     * for a list, who finds the action in it when answered 200 ({@code listing}, null for no list).
     */
    record Route(String method, String path, String body, String answers, Set<Who> listing, String why) {

        Route(String method, String path, String body, String answers) {
            this(method, path, body, answers, null, null);
        }

        Route listing(Set<Who> shown, String why) {
            return new Route(method, path, body, answers, shown, why);
        }

        int expected(Who who) {
            String[] each = answers.strip().split(" +");
            assertThat(each).as("one answer a person").hasSize(Who.values().length);
            return Integer.parseInt(each[who.ordinal()]);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_action_endpoint_answers_each_person_as_the_rules_say() {
        TwoBoards boards = TwoBoards.create(api, true);
        ReviewWorld w = boards.a();
        String reviewId = w.openScr(3).getString("id");
        String due = TestClock.today().plusDays(30).toString();
        String actionId = ActionPlansIT.create(
                        api, w.officer(), reviewId, w.agencies().get(0), due)
                .json()
                .getString("id");
        Map<Who, Api.Login> who = logins(boards);
        String createBody = "{\"recommendation\":\"r\",\"organisationId\":\""
                + w.agencies().get(0) + "\",\"change\":\"c\",\"dueOn\":\"" + due + "\"}";
        String plan = "/api/v1/reviews/" + reviewId + "/actions";
        String action = "/api/v1/actions/" + actionId;
        Set<Who> boardAndOwner = Set.of(Who.OFFICER_A, Who.CHAIR_A, Who.OWNER_A);
        String boardsAndOwnersView = "the board's view and the owner's show the action; nobody else's";

        // Who:  OFFICER_A CHAIR_A OWNER_A OTHER_AGENCY_A OFFICER_B CHAIR_B AGENCY_B REVIEWER CORONER CDOP_MEMBER ADMIN;
        // those who follow no action plan are refused before their relation to the review is asked (403)
        List<Route> routes = List.of(
                new Route("GET", plan, null, "200 200 200 200 404 404 404 403 403 403 403")
                        .listing(
                                boardAndOwner,
                                "another organisation of the review is shown none of the owner's actions"),
                new Route("POST", plan, createBody, "201 201 403 403 404 404 404 403 403 403 403"),
                new Route("GET", action, null, "200 200 200 404 404 404 404 403 403 403 403"),
                new Route("PUT", action, "{\"status\":\"IN_PROGRESS\"}", "200 403 200 404 404 404 404 403 403 403 403"),
                // the owner reports progress; what the action is, and when, stays the board's
                new Route(
                        "PUT",
                        action,
                        "{\"recommendation\":\"Reworded by {who}\"}",
                        "200 403 403 404 404 404 404 403 403 403 403"),
                new Route("GET", "/api/v1/actions", null, "200 200 200 200 200 200 200 403 403 403 403")
                        .listing(boardAndOwner, boardsAndOwnersView),
                new Route("GET", "/api/v1/actions?overdue=true", null, "200 200 200 200 200 200 200 403 403 403 403")
                        .listing(Set.of(), boardsAndOwnersView));

        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            for (Who w2 : Who.values()) {
                tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " as " + w2, () -> {
                    Api.Login login = who.get(w2);
                    Api.Reply r = switch (route.method()) {
                        case "GET" -> api.get(route.path(), login.token());
                        case "POST" -> api.post(route.path(), login.token(), route.body());
                        default ->
                            ActionPlansIT.update(
                                    api, login, actionId, route.body().replace("{who}", w2.name()));
                    };
                    assertThat(r.status()).as(r.body()).isEqualTo(route.expected(w2));
                    if (r.status() == 200 && route.listing() != null) {
                        assertThat(r.body().contains(actionId))
                                .as(route.why())
                                .isEqualTo(route.listing().contains(w2));
                    }
                }));
            }
        }
        tests.addAll(pages(boards, who, reviewId, actionId));
        return tests.stream();
    }

    /** The pages for those {@code PageAccessMatrixIT} does not sign in: another organisation of the board, a CDOP member. */
    private List<DynamicTest> pages(TwoBoards boards, Map<Who, Api.Login> who, String reviewId, String actionId) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Who w2 : List.of(Who.OTHER_AGENCY_A, Who.CDOP_MEMBER)) {
            PageClient browser = new PageClient(api.baseUrl());
            Api.Login login = who.get(w2);
            browser.signIn(login.username(), login.password(), () -> api.signInCode(login.username()));
            int sees = w2 == Who.CDOP_MEMBER ? 403 : 404;
            tests.add(DynamicTest.dynamicTest(
                    "GET /actions/{id} page as " + w2,
                    () -> assertThat(browser.get("/actions/" + actionId).status())
                            .isEqualTo(sees)));
            tests.add(DynamicTest.dynamicTest(
                    "POST /actions/{id} page as " + w2,
                    () -> assertThat(browser.post(
                                            "/actions/" + actionId,
                                            Map.of(
                                                    "csrf",
                                                    browser.csrfOf("/sign-in"),
                                                    "status",
                                                    "DONE",
                                                    "evidenceNote",
                                                    "x"))
                                    .status())
                            .isEqualTo(sees)));
            tests.add(DynamicTest.dynamicTest("GET /reviews/{id}/actions page as " + w2, () -> {
                PageClient.Answer a = browser.get("/reviews/" + reviewId + "/actions");
                assertThat(a.status()).isEqualTo(w2 == Who.CDOP_MEMBER ? 403 : 200);
                assertThat(a.body()).doesNotContain("/actions/" + actionId);
            }));
            tests.add(DynamicTest.dynamicTest("GET /actions page as " + w2, () -> {
                PageClient.Answer a = browser.get("/actions");
                assertThat(a.status()).isEqualTo(w2 == Who.CDOP_MEMBER ? 403 : 200);
                assertThat(a.body()).doesNotContain("/actions/" + actionId);
            }));
        }
        tests.add(DynamicTest.dynamicTest(
                "nothing the refused asked for changed the action",
                () -> assertThat(api.get(
                                        "/api/v1/actions/" + actionId,
                                        boards.a().officer().token())
                                .json()
                                .getString("status"))
                        .isIn("NOT_STARTED", "IN_PROGRESS")));
        return tests;
    }

    private Map<Who, Api.Login> logins(TwoBoards boards) {
        ReviewWorld w = boards.a();
        Map<Who, Api.Login> m = new LinkedHashMap<>();
        m.put(Who.OFFICER_A, w.officer());
        m.put(Who.CHAIR_A, w.chair());
        m.put(Who.OWNER_A, w.police());
        m.put(Who.OTHER_AGENCY_A, api.newAccount("AGENCY_USER", w.agencies().get(1)));
        m.put(Who.OFFICER_B, boards.officerB());
        m.put(Who.CHAIR_B, api.newAccount("LSCB_CHAIR", boards.boardB()));
        m.put(Who.AGENCY_B, boards.agencyB());
        m.put(Who.REVIEWER, api.newAccount("REVIEWER"));
        m.put(Who.CORONER, api.newAccount("CORONER"));
        m.put(Who.CDOP_MEMBER, api.newAccount("CDOP_MEMBER"));
        m.put(Who.ADMIN, api.newAccount("ADMIN"));
        return m;
    }

    private final Api api;

    ActionAccessMatrixIT(Api api) {
        this.api = api;
    }
}
