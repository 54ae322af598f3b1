package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.FormPost;
import org.lscb.server.it.browser.PanelCheckPage;
import org.lscb.server.it.browser.RegisterSearchPage;
import org.lscb.server.it.browser.ReviewerPage;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Journey 2 of the web pages: an officer searches the register from a review for an independent lead, sees
 * why a conflicted reviewer is not independent, is refused appointing them, appoints an independent one and
 * sees what the panel still needs; the board's Chair, not the officer, overrides a conflict [7, 18]; and the
 * refusals of that journey for another board and another role.
 */
@ExtendWith(SharedServer.class)
class FindLeadReviewerBrowserIT {

    private static final String INDEPENDENT = "Independent of this review's organisations";

    /** Two reviewers whose names share a made-up word nobody else's has: one tied to the review's agencies. */
    private record Candidates(
            String word, String conflicted, String conflictedName, String independent, String independentName) {

        static Candidates on(ReviewWorld world) {
            String word = FindLeadReviewerBrowserIT.word();
            String conflictedName = "Ada " + capital(word);
            String conflicted = reviewer(
                    world,
                    conflictedName,
                    "Led systems reviews <i>quietly</i> & " + word + " in health settings.",
                    "HEALTH");
            ReviewerRegistryIT.affiliation(
                    world.api(),
                    world.officer().token(),
                    conflicted,
                    world.agencies().get(0),
                    TestClock.today().minusYears(3).toString(),
                    null);
            ReviewerRegistryIT.affiliation(
                    world.api(),
                    world.officer().token(),
                    conflicted,
                    world.agencies().get(1),
                    TestClock.today().minusYears(6).toString(),
                    TestClock.today().minusYears(2).toString());
            String independentName = "Bea " + capital(word);
            String independent = reviewer(world, independentName, "Former police inspector, " + word + ".", "POLICE");
            return new Candidates(word, conflicted, conflictedName, independent, independentName);
        }
    }

    @Test
    void an_officer_finds_an_independent_lead_from_the_review_is_refused_a_conflicted_one_and_sees_the_panel_check(
            Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String review = world.openScr(3).getString("id");
        Candidates c = Candidates.on(world);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            browser.go("/reviews/" + review);
            browser.leavingThePage(
                    () -> browser.find(By.linkText("Find a reviewer")).click());
            assertThat(browser.path()).isEqualTo("/reviewers?review=" + review + "&independent=true");
            assertThat(browser.heading()).isEqualTo("Find a reviewer");
            RegisterSearchPage search = new RegisterSearchPage(browser);
            assertThat(search.filterTicked(INDEPENDENT)).isTrue();
            browser.checkPage("register-search-for-review");

            // one letter wrong in the name: still found; the conflicted reviewer is left out
            search.searchFor(typo(c.word()));
            assertThat(search.reviewers()).containsExactly(c.independentName());
            assertThat(search.filterTicked(INDEPENDENT)).isTrue();
            browser.checkPage("register-search-typo");

            search.toggleFilter(INDEPENDENT);
            assertThat(search.filterTicked(INDEPENDENT)).isFalse();
            assertThat(search.reviewers()).containsExactlyInAnyOrder(c.independentName(), c.conflictedName());
            assertThat(search.resultsHeading()).isEqualTo("2 reviewers found");
            assertThat(search.filterLabel("Health")).isEqualTo("Health (1)");
            assertThat(search.filterLabel("Police")).isEqualTo("Police (1)");
            assertThat(search.filterLabel("London")).isEqualTo("London (2)");

            // the summary's own markup is shown as text; only the matched word is marked
            search.searchFor(c.word());
            var highlight = search.highlightOf(c.conflictedName());
            assertThat(highlight.getText()).contains("<i>quietly</i> &");
            assertThat(highlight.findElements(By.tagName("i"))).isEmpty();
            assertThat(highlight.findElements(By.tagName("mark")))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getText()).isEqualTo(c.word()));
            browser.checkPage("register-search-highlights");

            ReviewerPage reviewer = search.open(c.conflictedName());
            assertThat(browser.path()).isEqualTo("/reviewers/" + c.conflicted() + "?review=" + review);
            assertThat(browser.heading()).isEqualTo(c.conflictedName());
            assertThat(reviewer.conflicts()).hasSize(2);
            assertThat(reviewer.conflicts())
                    .anySatisfy(reason -> assertThat(reason)
                            .startsWith("Employment with POLICE ")
                            .contains("still current"))
                    .anySatisfy(reason -> assertThat(reason)
                            .startsWith("Employment with HEALTH ")
                            .contains("ended on", "within the look-back period"));
            // the override is the Chair's decision: the officer is not offered it
            assertThat(reviewer.offersChairsOverride()).isFalse();
            browser.checkPage("reviewer-conflicted");

            reviewer.appointAs("Lead reviewer", null);
            assertThat(reviewer.errors().get(0))
                    .startsWith("They cannot be appointed as lead reviewer")
                    .contains("ask the LSCB Chair");
            assertThat(reviewer.errors().subList(1, reviewer.errors().size()))
                    .containsExactlyElementsOf(reviewer.conflicts());
            assertThat(browser.driver().getTitle()).startsWith("Error: " + c.conflictedName());
            browser.checkPage("reviewer-appointment-refused");
            assertThat(appointments(api, world, review)).isEmpty();

            browser.go("/reviewers/" + c.independent() + "?review=" + review);
            reviewer = new ReviewerPage(browser);
            assertThat(reviewer.conflicts()).isEmpty();
            assertThat(reviewer.independence()).startsWith("Independent of the case");
            assertThat(reviewer.offersChairsOverride()).isFalse();
            browser.checkPage("reviewer-independent");

            reviewer.appointAs("Lead reviewer", null);
            assertThat(browser.path()).isEqualTo("/reviews/" + review + "/panel-check?appointed=LEAD_REVIEWER");
            PanelCheckPage panel = new PanelCheckPage(browser);
            assertThat(panel.banner()).contains("Lead reviewer appointed");
            assertThat(panel.verdict()).isEqualTo("What the panel still needs");
            assertThat(panel.stillNeeded()).containsExactly("Appoint a reviewer qualified in systems methodology");
            browser.checkPage("panel-check");
        }
        JsonArray appointed = appointments(api, world, review);
        assertThat(appointed).hasSize(1);
        assertThat(appointed.getJsonObject(0).getString("role")).isEqualTo("LEAD_REVIEWER");
        assertThat(appointed.getJsonObject(0).getString("reviewerId")).isEqualTo(c.independent());
    }

    @Test
    void the_chairs_reason_appoints_a_conflicted_lead_and_the_panel_check_still_asks_for_someone_independent(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String review = world.openScr(3).getString("id");
        Candidates c = Candidates.on(world);
        try (Browser browser = Browser.open(api.baseUrl())) {
            // the officer is not offered the override, and their post of one is refused
            signIn(browser, api, world.officer());
            browser.go("/reviewers/" + c.conflicted() + "?review=" + review);
            assertThat(new ReviewerPage(browser).offersChairsOverride()).isFalse();
            FormPost.send(
                    browser,
                    "/reviews/" + review + "/appointments",
                    Map.of(
                            "reviewerId", c.conflicted(),
                            "role", "LEAD_REVIEWER",
                            "overrideReason", "The officer accepts the tie"));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
        }
        assertThat(appointments(api, world, review)).isEmpty();

        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.chair());
            browser.go("/reviewers/" + c.conflicted() + "?review=" + review);
            ReviewerPage reviewer = new ReviewerPage(browser);
            assertThat(reviewer.conflicts()).hasSize(2);
            assertThat(reviewer.offersChairsOverride()).isTrue();
            browser.checkPage("reviewer-conflicted-chair");

            reviewer.appointAs("Lead reviewer", "The Chair accepts the tie: no other lead in time");
            assertThat(browser.path()).isEqualTo("/reviews/" + review + "/panel-check?appointed=LEAD_REVIEWER");
            PanelCheckPage panel = new PanelCheckPage(browser);
            assertThat(panel.stillNeeded())
                    .containsExactly(
                            "Appoint a lead reviewer who is independent",
                            "Appoint a reviewer who is independent",
                            "Appoint a reviewer qualified in systems methodology");
            browser.checkPage("panel-check-after-override");
        }
        JsonObject lead = appointments(api, world, review).getJsonObject(0);
        assertThat(lead.getJsonObject("override").getString("reason"))
                .isEqualTo("The Chair accepts the tie: no other lead in time");
    }

    @Test
    void an_appointment_without_a_role_shows_the_error_summary_and_stores_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String review = world.openScr(3).getString("id");
        Candidates c = Candidates.on(world);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            browser.go("/reviewers/" + c.independent() + "?review=" + review);
            FormPost.clickAndWait(browser, By.xpath("//main//button[normalize-space()='Appoint']"));
            ReviewerPage reviewer = new ReviewerPage(browser);
            assertThat(reviewer.errors()).containsExactly("Select the role to appoint them to");
            assertThat(reviewer.fieldError("role")).contains("Select the role to appoint them to");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            browser.checkPage("reviewer-appointment-no-role");
        }
        try (Browser browser = Browser.open(api.baseUrl())) {
            // a Chair's reason for someone who need not be independent is not an override the rules allow
            signIn(browser, api, world.chair());
            browser.go("/reviewers/" + c.conflicted() + "?review=" + review);
            ReviewerPage reviewer = new ReviewerPage(browser);
            reviewer.appointAs("Panel member", "No reason needed");
            assertThat(reviewer.errors())
                    .containsExactly("Leave the Chair's reason empty: an override is only for a lead reviewer who is"
                            + " not independent");
        }
        assertThat(appointments(api, world, review)).isEmpty();
    }

    @Test
    void another_boards_officer_gets_page_not_found_and_an_agency_user_is_refused_the_register(Api api) {
        TwoBoards boards = TwoBoards.create(api, false);
        ReviewWorld a = boards.a();
        String reviewOfA = a.openScr(3).getString("id");
        String reviewOfB = boards.reviewOfB();
        String reviewer = a.reviewer(null);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, boards.officerB());
            browser.go("/reviewers/" + reviewer + "?review=" + reviewOfA);
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.checkPage("reviewer-other-board");
            browser.go("/reviewers?review=" + reviewOfA + "&independent=true");
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.go("/reviews/" + reviewOfA + "/panel-check");
            assertThat(browser.heading()).isEqualTo("Page not found");

            // the form of B's own review, sent to A's review instead
            browser.go("/reviewers/" + reviewer + "?review=" + reviewOfB);
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "document.querySelector(\"form[action$='/appointments']\").action = arguments[0];",
                            "/reviews/" + reviewOfA + "/appointments");
            new ReviewerPage(browser).appointAs("Lead reviewer", null);
            assertThat(browser.heading()).isEqualTo("Page not found");
        }
        assertThat(appointments(api, a, reviewOfA)).isEmpty();

        Api.Login agency = a.police();
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, agency);
            browser.go("/reviewers?review=" + reviewOfA);
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            browser.checkPage("register-agency-refused");
            browser.go("/reviewers/" + reviewer);
            assertThat(browser.heading()).isEqualTo("You cannot do this");
        }
    }

    // --- helpers

    /** Signs in as SignInPage does, waiting for each answering page before reading where it is. */
    static void signIn(Browser browser, Api api, Api.Login login) {
        SignInPage page = SignInPage.open(browser);
        page.enterPassword(login.username(), login.password());
        if (browser.path().startsWith("/sign-in/code")) {
            page.enterCode(api.signInCode(login.username()));
        }
        assertThat(browser.path()).as("signed in").doesNotStartWith("/sign-in");
    }

    static JsonArray appointments(Api api, ReviewWorld world, String review) {
        Api.Reply r = api.get("/api/v1/reviews/" + review, world.officer().token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("appointments");
    }

    private static String reviewer(ReviewWorld world, String name, String summary, String expertise) {
        String body = jakarta.json.Json.createObjectBuilder()
                .add("displayName", name)
                .add("summary", summary)
                .add("expertise", jakarta.json.Json.createArrayBuilder().add(expertise))
                .add("skills", jakarta.json.Json.createArrayBuilder().add("INVESTIGATION"))
                .add("regions", jakarta.json.Json.createArrayBuilder().add("LONDON"))
                .add("available", true)
                .build()
                .toString();
        Api.Reply r = world.api().post("/api/v1/reviewers", world.officer().token(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /** A made-up word of letters only, found in no other test's reviewers. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (char ch : Api.unique().toCharArray()) {
            w.append(Character.isDigit(ch) ? (char) ('g' + (ch - '0')) : ch);
        }
        return w.toString();
    }

    /** The word with one letter wrong, after a right first letter: the slip the search forgives. */
    static String typo(String word) {
        char wrong = word.charAt(5) == 'y' ? 'x' : 'y';
        return word.substring(0, 5) + wrong + word.substring(6);
    }

    static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
