package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * The access matrix of the web pages: for every page, who gets it (200), who is refused (403 page), who is
 * told it does not exist (404 page: a user of another board, as in the API), and that a browser without a
 * signed-in session is sent to sign in, for a post as for a page. Posts are sent with the session's own CSRF token, so a refusal here is the
 * access rule's, not the CSRF check's.
 */
@ExtendWith(SharedServer.class)
class PageAccessMatrixIT {

    /** Who asks: the roles of board A's review, the same roles of board B, and people of no review at all. */
    enum Who {
        ANONYMOUS,
        OFFICER_A,
        AGENCY_A,
        OFFICER_B,
        AGENCY_B,
        /** Board A's Chair: decides what A's officers prepare [7, 18]. */
        CHAIR_A,
        /** Board B's Chair: nothing of board A is theirs. */
        CHAIR_B,
        REVIEWER,
        CORONER,
        /** Board A's child death overview panel: board A's child death reviews, not its SCRs [23, 27]. */
        CDOP_A,
        ADMIN
    }

    /** One page (or form) and the answer each person gets; anyone not named gets {@code otherwise}. */
    record Route(String method, String path, Map<Who, Integer> answers, int otherwise) {

        int expected(Who who) {
            return answers.getOrDefault(who, who == Who.ANONYMOUS ? 303 : otherwise);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_page_answers_each_person_as_the_access_rules_say(Api api) {
        TwoBoards boards = TwoBoards.create(api, true);
        String reviewA = boards.a().openScr(3).getString("id");
        String reviewer = boards.a().reviewer(null);
        Map<Who, PageClient> browsers = signedIn(api, boards);
        String documentA = plainDocument(api, boards, reviewA);
        String actionA = ActionPlansIT.create(
                        api,
                        boards.a().officer(),
                        reviewA,
                        boards.a().agencies().get(0),
                        TestClock.today().plusDays(30).toString())
                .json()
                .getString("id");
        String reportA = publishedReport(api, boards, reviewA);

        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/", Map.of(), 200));
        routes.add(new Route("GET", "/profile", Map.of(Who.REVIEWER, 200), 403));
        routes.add(new Route("GET", "/profile/edit", Map.of(Who.REVIEWER, 404), 403));
        routes.add(new Route("POST", "/profile/edit", Map.of(Who.REVIEWER, 404), 403));
        routes.add(new Route("GET", "/no-such-page", Map.of(Who.ANONYMOUS, 404), 404));
        // a review of board A: its own officer and agency see it; anyone else is told it does not exist
        Map<Who, Integer> seesReviewA = Map.of(Who.OFFICER_A, 200, Who.AGENCY_A, 200, Who.CHAIR_A, 200);
        routes.add(new Route("GET", "/reviews/{reviewA}", seesReviewA, 404));
        // the officer's forms: other roles are refused outright, another board's officer finds no review
        Map<Who, Integer> officerForm = Map.of(Who.OFFICER_A, 200, Who.OFFICER_B, 404);
        Map<Who, Integer> officerPost = Map.of(Who.OFFICER_A, 400, Who.OFFICER_B, 404);
        // the Chair's decision: other roles, officers included, are refused outright; another board's Chair finds none
        Map<Who, Integer> chairForm = Map.of(Who.CHAIR_A, 200, Who.CHAIR_B, 404);
        Map<Who, Integer> chairPost = Map.of(Who.CHAIR_A, 400, Who.CHAIR_B, 404);
        routes.add(new Route("GET", "/reviews/{reviewA}/scr-decision", chairForm, 403));
        routes.add(new Route("POST", "/reviews/{reviewA}/scr-decision", chairPost, 403));
        routes.add(new Route("GET", "/reviews/{reviewA}/clocks/scr-completion/pause", officerForm, 403));
        routes.add(new Route("POST", "/reviews/{reviewA}/clocks/scr-completion/pause", officerPost, 403));
        routes.add(new Route(
                "GET",
                "/reviews/{reviewA}/documents",
                Map.of(Who.OFFICER_A, 200, Who.AGENCY_A, 200, Who.CHAIR_A, 200),
                404));
        routes.add(new Route("GET", "/reviews/{reviewA}/requests/new", officerForm, 403));
        routes.add(new Route("POST", "/reviews/{reviewA}/requests/new", officerPost, 403));
        // what is asked of an agency is for agency users, each seeing only their own organisation's
        routes.add(new Route("GET", "/requests", Map.of(Who.AGENCY_A, 200, Who.AGENCY_B, 200), 403));
        // documents sent and received: everyone who can send or receive; an administrator receives nothing, and the
        // Chair and the panel send nothing (what is sealed to a panel member is in their inbox)
        routes.add(new Route(
                "GET", "/documents", Map.of(Who.ADMIN, 403, Who.CHAIR_A, 403, Who.CHAIR_B, 403, Who.CDOP_A, 403), 200));
        routes.add(new Route("GET", "/inbox", Map.of(), 200));
        // administration: administrators for everything, officers for their own board's people and organisations
        Map<Who, Integer> administers = Map.of(Who.ADMIN, 200, Who.OFFICER_A, 200, Who.OFFICER_B, 200);
        Map<Who, Integer> administersA = Map.of(Who.ADMIN, 200, Who.OFFICER_A, 200, Who.OFFICER_B, 404);
        routes.add(new Route("GET", "/admin", administers, 403));
        routes.add(new Route("GET", "/admin/organisations", administers, 403));
        routes.add(new Route("GET", "/admin/organisations/new", administers, 403));
        routes.add(new Route("GET", "/admin/accounts", administers, 403));
        routes.add(new Route("GET", "/admin/accounts/new", administers, 403));
        routes.add(new Route("GET", "/admin/organisations/{boardA}", administersA, 403));
        routes.add(new Route("POST", "/admin/organisations/{boardA}/members", Map.of(Who.ADMIN, 400), 403));
        routes.add(new Route("GET", "/admin/accounts/{agencyUserA}", administersA, 403));
        routes.add(new Route("GET", "/admin/accounts/{agencyUserA}/two-factor-reset", administersA, 403));
        // the reviewer register: officers and administrators; a review's independence check: its own board's officer
        Map<Who, Integer> register = Map.of(Who.ADMIN, 200, Who.OFFICER_A, 200, Who.OFFICER_B, 200);
        routes.add(new Route("GET", "/reviewers", register, 403));
        routes.add(new Route("GET", "/reviewers?q=neglect&qualified=true", register, 403));
        routes.add(new Route(
                "GET",
                "/reviewers?review={reviewA}&independent=true",
                Map.of(Who.ADMIN, 404, Who.OFFICER_A, 200, Who.OFFICER_B, 404),
                403));
        // a reviewer sees only their own entry, as in the API
        routes.add(new Route(
                "GET",
                "/reviewers/{reviewer}",
                Map.of(Who.ADMIN, 200, Who.OFFICER_A, 200, Who.OFFICER_B, 200, Who.REVIEWER, 404),
                403));
        // for a review: the independence check and the appointment form are the officers' and, for an override, the
        // Chair's, as GET /api/v1/reviews/{id}/independence/{reviewerId}; another board's Chair finds no review
        routes.add(new Route(
                "GET",
                "/reviewers/{reviewer}?review={reviewA}",
                Map.of(Who.OFFICER_A, 200, Who.OFFICER_B, 404, Who.CHAIR_A, 200, Who.CHAIR_B, 404),
                403));
        // an appointment is the officer's; the Chair's only over a conflict (an override), so a plain one is refused
        routes.add(new Route(
                "POST",
                "/reviews/{reviewA}/appointments",
                Map.of(Who.OFFICER_A, 400, Who.OFFICER_B, 404, Who.CHAIR_B, 404),
                403));
        routes.add(new Route(
                "GET",
                "/reviews/{reviewA}/panel-check",
                Map.of(Who.OFFICER_A, 200, Who.OFFICER_B, 404, Who.CHAIR_A, 200, Who.CHAIR_B, 404),
                403));
        // browser encryption: everyone's own keys; sending to a review needs a sender's role and a relation to it;
        // opening follows who may see the document; giving access is for the lead board's officers
        routes.add(new Route("GET", "/keys", Map.of(), 200));
        routes.add(new Route("POST", "/session/api-token", Map.of(), 200));
        routes.add(new Route("GET", "/scripts", Map.of(Who.ANONYMOUS, 200), 200));
        // a Chair or a panel member sends nothing (the board's officers do); a Chair opens documents through the
        // officers
        routes.add(new Route(
                "GET",
                "/reviews/{reviewA}/send",
                Map.of(
                        Who.OFFICER_A,
                        200,
                        Who.AGENCY_A,
                        200,
                        Who.ADMIN,
                        403,
                        Who.CHAIR_A,
                        403,
                        Who.CHAIR_B,
                        403,
                        Who.CDOP_A,
                        403),
                404));
        routes.add(new Route("GET", "/reviews/{reviewA}/access", officerForm, 403));
        routes.add(new Route(
                "GET",
                "/documents/{documentA}/open",
                Map.of(Who.OFFICER_A, 200, Who.AGENCY_A, 200, Who.CHAIR_A, 403, Who.CHAIR_B, 403),
                404));
        // the annual reports: each board's officers and Chair read their own board's; another board's is not found
        Map<Who, Integer> readsReports =
                Map.of(Who.OFFICER_A, 200, Who.OFFICER_B, 200, Who.CHAIR_A, 200, Who.CHAIR_B, 200);
        Map<Who, Integer> readsReportsOfA =
                Map.of(Who.OFFICER_A, 200, Who.OFFICER_B, 404, Who.CHAIR_A, 200, Who.CHAIR_B, 404);
        // and board A's panel reads board A's CDOP report, not the board's own [23, 28]
        Map<Who, Integer> readsCdopReportOfA = new java.util.HashMap<>(readsReportsOfA);
        readsCdopReportOfA.put(Who.CDOP_A, 200);
        Map<Who, Integer> readsAReport = new java.util.HashMap<>(readsReports);
        readsAReport.put(Who.CDOP_A, 200);
        routes.add(new Route("GET", "/reports", readsAReport, 403));
        for (String report : List.of("board-annual", "board-annual.pdf")) {
            routes.add(new Route("GET", "/reports/" + report + "?year=2026&board={boardA}", readsReportsOfA, 403));
        }
        for (String report : List.of("cdop-annual", "cdop-annual.pdf")) {
            routes.add(new Route("GET", "/reports/" + report + "?year=2026&board={boardA}", readsCdopReportOfA, 403));
        }
        // action plans: the boards and the owning agency follow them; another board's people find nothing; the lead
        // board's officers and Chair add actions, its officers and the owner (board A's police) report progress
        Map<Who, Integer> seesPlanA = Map.of(
                Who.OFFICER_A,
                200,
                Who.AGENCY_A,
                200,
                Who.CHAIR_A,
                200,
                Who.OFFICER_B,
                404,
                Who.AGENCY_B,
                404,
                Who.CHAIR_B,
                404);
        routes.add(new Route("GET", "/reviews/{reviewA}/actions", seesPlanA, 403));
        routes.add(new Route(
                "POST",
                "/reviews/{reviewA}/actions",
                Map.of(
                        Who.OFFICER_A,
                        400,
                        Who.CHAIR_A,
                        400,
                        Who.AGENCY_A,
                        403,
                        Who.OFFICER_B,
                        404,
                        Who.AGENCY_B,
                        404,
                        Who.CHAIR_B,
                        404),
                403));
        routes.add(new Route(
                "GET",
                "/actions",
                Map.of(
                        Who.OFFICER_A,
                        200,
                        Who.AGENCY_A,
                        200,
                        Who.CHAIR_A,
                        200,
                        Who.OFFICER_B,
                        200,
                        Who.AGENCY_B,
                        200,
                        Who.CHAIR_B,
                        200),
                403));
        routes.add(new Route("GET", "/actions/{actionA}", seesPlanA, 403));
        routes.add(new Route(
                "POST",
                "/actions/{actionA}",
                Map.of(
                        Who.OFFICER_A,
                        400,
                        Who.AGENCY_A,
                        400,
                        Who.CHAIR_A,
                        403,
                        Who.OFFICER_B,
                        404,
                        Who.AGENCY_B,
                        404,
                        Who.CHAIR_B,
                        404),
                403));
        // publication [11]: the lead board's officers and Chair; another board's find no review; the library is
        // everyone's
        Map<Who, Integer> publishes =
                Map.of(Who.OFFICER_A, 200, Who.CHAIR_A, 200, Who.OFFICER_B, 404, Who.CHAIR_B, 404);
        routes.add(new Route("GET", "/reviews/{reviewA}/publication", publishes, 403));
        routes.add(new Route(
                "POST",
                "/reviews/{reviewA}/publication/withdrawal",
                Map.of(Who.OFFICER_A, 400, Who.CHAIR_A, 400, Who.OFFICER_B, 404, Who.CHAIR_B, 404),
                403));
        routes.add(new Route("GET", "/library", Map.of(Who.ANONYMOUS, 200), 200));
        routes.add(new Route("GET", "/library?q=neglect&theme=neglect", Map.of(Who.ANONYMOUS, 200), 200));
        routes.add(new Route("GET", "/library/{reportA}", Map.of(Who.ANONYMOUS, 200), 200));
        routes.add(new Route("GET", "/library/no-such-report", Map.of(Who.ANONYMOUS, 404), 404));
        // setting up two-factor sign-in is for a session that has just had a right password and has none
        routes.add(new Route("GET", "/sign-in/two-factor", Map.of(), 303));

        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            String path = route.path()
                    .replace("{reviewA}", reviewA)
                    .replace("{boardA}", boards.a().board())
                    .replace("{agencyUserA}", boards.a().police().id())
                    .replace("{reviewer}", reviewer)
                    .replace("{documentA}", documentA)
                    .replace("{actionA}", actionA)
                    .replace("{reportA}", reportA);
            for (Who who : Who.values()) {
                tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " as " + who, () -> {
                    PageClient browser = browsers.get(who);
                    PageClient.Answer a = route.method().equals("GET")
                            ? browser.get(path)
                            : browser.post(path, Map.of("csrf", browser.csrfOf("/sign-in")));
                    assertThat(a.status()).as(a.body()).isEqualTo(route.expected(who));
                    if (a.status() == 303) {
                        assertThat(a.location()).startsWith("/sign-in");
                    }
                    if (a.status() == 404) {
                        assertThat(a.body()).contains(">Page not found</h1>");
                    }
                    if (a.status() == 403) {
                        assertThat(a.body()).contains(">You cannot do this</h1>");
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** A document on board A's review, sent by its police through the server-side sealing (no client key needed). */
    private static String plainDocument(Api api, TwoBoards boards, String reviewA) {
        try {
            KeyHolder.enrol(api, boards.a().officer().token(), "board", false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Api.Reply sent = api.send(
                "POST",
                "/api/v1/reviews/" + reviewA + "/documents/plain?type=IMR&title=Matrix",
                boards.a().police().token(),
                "application/octet-stream",
                new byte[] {1, 2, 3});
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().getString("id");
    }

    /** Board A's review's report, published through the API. */
    private static String publishedReport(Api api, TwoBoards boards, String reviewA) {
        Api.Reply r = PublicationIT.publish(
                api,
                boards.a().officer().token(),
                reviewA,
                PublicationIT.form(org.lscb.library.TestReports.pdf("A report on neglect"), Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static Map<Who, PageClient> signedIn(Api api, TwoBoards boards) {
        Map<Who, Api.Login> logins = new LinkedHashMap<>();
        logins.put(Who.OFFICER_A, boards.a().officer());
        logins.put(Who.AGENCY_A, boards.a().police());
        logins.put(Who.OFFICER_B, boards.officerB());
        logins.put(Who.AGENCY_B, boards.agencyB());
        logins.put(Who.CHAIR_A, boards.a().chair());
        logins.put(Who.CHAIR_B, api.newAccount("LSCB_CHAIR", boards.boardB()));
        logins.put(Who.REVIEWER, api.newAccount("REVIEWER"));
        logins.put(Who.CORONER, api.newAccount("CORONER"));
        logins.put(Who.CDOP_A, api.newAccount("CDOP_MEMBER", boards.a().board()));
        logins.put(Who.ADMIN, api.newAccount("ADMIN"));
        Map<Who, PageClient> browsers = new LinkedHashMap<>();
        PageClient anonymous = new PageClient(api.baseUrl());
        anonymous.get("/sign-in");
        browsers.put(Who.ANONYMOUS, anonymous);
        logins.forEach((who, login) -> {
            PageClient browser = new PageClient(api.baseUrl());
            browser.signIn(login.username(), login.password(), () -> api.signInCode(login.username()));
            browsers.put(who, browser);
        });
        return browsers;
    }
}
