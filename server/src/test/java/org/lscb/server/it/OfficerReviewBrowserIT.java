package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.ClockPage;
import org.lscb.server.it.browser.FormPost;
import org.lscb.server.it.browser.ReviewPage;
import org.lscb.server.it.browser.ScrDecisionPage;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;

/**
 * Journey 1 of the web pages: an officer opens a notified serious case from the dashboard and is not the one
 * to decide it; the board's Chair records the SCR decision through the questions of regulation 5(2) [7, 18];
 * the officer reads the statutory clocks with their due dates in words and pauses the SCR's completion with a
 * reason; the forms' errors; and the refusals (another board's officer: "Page not found"; an agency user of
 * the review: the review, but not its forms).
 */
@ExtendWith(SharedServer.class)
class OfficerReviewBrowserIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Test
    void the_chair_records_the_scr_decision_and_an_officer_reads_the_clocks_in_words_and_pauses_the_scr_completion(
            Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        JsonObject scr = world.openScr(3);
        String id = scr.getString("id");
        String reference = scr.getString("reference");
        LocalDate today = TestClock.today();
        LocalDate notified = today.minusDays(3);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            assertThat(browser.heading()).isEqualTo("Reviews");

            ReviewPage review = ReviewPage.openFromDashboard(browser, reference);
            assertThat(browser.path()).isEqualTo("/reviews/" + id);
            assertThat(browser.heading()).isEqualTo(reference);
            assertThat(review.summary("Child")).isEqualTo("Child A");
            assertThat(review.summary("Status")).isEqualTo("Awaiting decision");
            assertThat(review.summary("Lead board")).isEqualTo(name(api, world, world.board()));
            assertThat(review.summary("Organisations reviewed"))
                    .contains(name(api, world, world.agencies().get(0)))
                    .contains(name(api, world, world.agencies().get(2)))
                    .doesNotContain(world.agencies().get(0));
            assertThat(review.summary("Notification")).isEqualTo(day(notified));
            assertThat(review.links())
                    .containsExactly(
                            "Find a reviewer",
                            "Panel check",
                            "Documents",
                            "Ask an agency for a document",
                            "Action plan");
            assertThat(review.linkTarget("Find a reviewer")).isEqualTo("/reviewers?review=" + id + "&independent=true");
            assertThat(review.linkTarget("Panel check")).isEqualTo("/reviews/" + id + "/panel-check");
            assertThat(review.clock("Decide whether to hold an SCR", "Due")).isEqualTo(day(notified.plusMonths(1)));
            // the decision is the Chair's [7, 18]: the officer prepares the review and is offered no decision
            assertThat(review.offersToRecordTheDecision()).isFalse();
            browser.checkPage("review-awaiting-decision");

            ScrDecisionPage.open(browser, id);
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            browser.go("/reviews/" + id);
            FormPost.send(browser, "/reviews/" + id + "/scr-decision", decisionFields("Criteria met"));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
        }
        assertThat(review(api, world, id).getString("status")).isEqualTo("AWAITING_DECISION");

        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.chair());
            assertThat(browser.heading()).isEqualTo("Reviews");

            ReviewPage review = ReviewPage.openFromDashboard(browser, reference);
            assertThat(browser.path()).isEqualTo("/reviews/" + id);
            assertThat(review.summary("Status")).isEqualTo("Awaiting decision");
            // the Chair reads the review, its panel check and its action plan; appointing and asking for documents are
            // the officers'
            assertThat(review.links()).containsExactly("Panel check", "Documents", "Action plan");
            assertThat(review.offersToRecordTheDecision()).isTrue();
            browser.checkPage("review-awaiting-decision-chair");

            ScrDecisionPage decision = review.recordTheDecision();
            assertThat(browser.heading()).isEqualTo("Record the SCR decision");
            assertThat(decision.warning()).contains("must commission a serious case review");
            browser.checkPage("scr-decision");

            decision.abuseOrNeglectKnownOrSuspected(true)
                    .childDied(false)
                    .seriouslyHarmed(true)
                    .concernAboutWorkingTogether("UNCLEAR")
                    .diedInCustody(false)
                    .decision("COMMISSION_SCR")
                    .reason("Serious injury; how the agencies shared information is not yet clear")
                    .decidedOn(today)
                    .record();
            assertThat(browser.path()).isEqualTo("/reviews/" + id + "?done=decision");
            assertThat(review.banner()).contains("SCR decision recorded");
            assertThat(review.summary("Status")).isEqualTo("In progress");
            assertThat(review.decision("Decision")).isEqualTo("Commission a serious case review");
            assertThat(review.decision("SCR criteria met")).isEqualTo("Yes");
            assertThat(review.decision("Cause for concern about how organisations worked together"))
                    .isEqualTo("Not clear either way");
            assertThat(review.decision("Decided on")).isEqualTo(day(today));
            assertThat(review.offersToRecordTheDecision()).isFalse();
            assertThat(review.clock("Decide whether to hold an SCR", "State")).isEqualTo("Met");
            assertThat(review.clock("Decide whether to hold an SCR", "Met")).isEqualTo(day(today));
            assertThat(review.clock("Complete the SCR", "Due")).isEqualTo(day(today.plusMonths(6)));
            assertThat(review.clock("Complete the SCR", "State")).isEqualTo("On track");
            assertThat(review.clockTitles()).first().isEqualTo("Notify the national panel");
            assertThat(review.clockTitles()).last().isEqualTo("Complete the SCR");
            // the clocks are the officers' to move
            assertThat(review.offersToPause("Complete the SCR")).isFalse();
            browser.checkPage("review-decided");
        }

        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            ReviewPage review = ReviewPage.open(browser, id);
            assertThat(review.summary("Status")).isEqualTo("In progress");
            assertThat(review.offersToRecordTheDecision()).isFalse();
            assertThat(review.offersToPause("Tell Ofsted and the DfE of the decision"))
                    .isFalse();

            ClockPage pause = review.pauseClock("Complete the SCR");
            assertThat(browser.heading()).isEqualTo("Pause the clock: Complete the SCR");
            browser.checkPage("clock-pause");

            pause.on(today)
                    .reason("Related care proceedings in the family court")
                    .submit();
            assertThat(browser.path()).isEqualTo("/reviews/" + id + "?done=paused");
            assertThat(review.banner()).contains("Clock paused");
            assertThat(review.clock("Complete the SCR", "State")).isEqualTo("Paused");
            assertThat(review.pauses("Complete the SCR"))
                    .containsExactly("Since " + day(today) + ": Related care proceedings in the family court");
            assertThat(browser.find(By.cssSelector("a[href='/reviews/" + id + "/clocks/scr-completion/resume']"))
                            .getText())
                    .startsWith("Resume");
            browser.checkPage("review-clock-paused");
        }
        JsonObject after = review(api, world, id);
        assertThat(after.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(clock(after, "SCR_COMPLETION").getString("status")).isEqualTo("PAUSED");
        assertThat(clock(after, "SCR_COMPLETION").getString("pausedFor"))
                .isEqualTo("Related care proceedings in the family court");
    }

    @Test
    void the_decision_form_without_answers_shows_each_error_and_records_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String id = world.openScr(3).getString("id");
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.chair());
            ScrDecisionPage decision = ScrDecisionPage.open(browser, id);
            decision.clearDecidedOn().record();
            assertThat(browser.path()).isEqualTo("/reviews/" + id + "/scr-decision");
            assertThat(decision.errors())
                    .containsExactly(
                            "Select yes if abuse or neglect of the child is known or suspected",
                            "Select yes if the child died",
                            "Select yes if the child was seriously harmed",
                            "Select whether there is cause for concern about how organisations worked together",
                            "Select yes if the child died in custody or detained under mental health law",
                            "Select the Chair's decision",
                            "Enter the reason for the Chair's decision",
                            "Enter the date of the decision");
            assertThat(decision.errorAt("abuse"))
                    .isEqualTo("Select yes if abuse or neglect of the child is known or suspected");
            assertThat(decision.errorAt("decided-on")).isEqualTo("Enter the date of the decision");
            assertThat(browser.driver().getTitle()).startsWith("Error: Record the SCR decision");
            browser.find(By.linkText("Select the Chair's decision")).click();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("decision");
            browser.checkPage("scr-decision-errors");
        }
        assertThat(review(api, world, id).getString("status")).isEqualTo("AWAITING_DECISION");
    }

    @Test
    void declining_an_scr_when_the_answers_meet_the_criteria_is_refused_on_the_form(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String id = world.openScr(3).getString("id");
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.chair());
            ScrDecisionPage decision = ScrDecisionPage.open(browser, id)
                    .abuseOrNeglectKnownOrSuspected(true)
                    .childDied(true)
                    .seriouslyHarmed(false)
                    .concernAboutWorkingTogether("NO")
                    .diedInCustody(false)
                    .decision("NO_REVIEW")
                    .reason("The family has moved away");
            decision.record();
            assertThat(browser.path()).isEqualTo("/reviews/" + id + "/scr-decision");
            assertThat(decision.errors()).hasSize(1);
            assertThat(decision.errors().get(0))
                    .startsWith("The facts meet the criteria for a serious case review")
                    .contains("the child died (regulation 5(2)(b)(i))")
                    .endsWith("so the LSCB must commission one [17, 18]");
            assertThat(decision.errorAt("decision")).isEqualTo(decision.errors().get(0));
            assertThat(browser.find(By.cssSelector("input[name=died][value=yes]"))
                            .isSelected())
                    .isTrue();
            assertThat(browser.find(By.id("reason")).getAttribute("value")).isEqualTo("The family has moved away");
            browser.checkPage("scr-decision-refused");
        }
        JsonObject after = review(api, world, id);
        assertThat(after.getString("status")).isEqualTo("AWAITING_DECISION");
        assertThat(after.containsKey("scrDecision") && !after.isNull("scrDecision"))
                .isFalse();
    }

    @Test
    void the_pause_form_with_a_wrong_date_or_no_reason_shows_the_errors_and_pauses_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String id = world.openScr(3).getString("id");
        commission(api, world, id);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            ClockPage pause = ClockPage.openPause(browser, id, "scr-completion");
            pause.on("31", "2", "2026").reason("").submit();
            assertThat(pause.errors())
                    .containsExactly("The date the pause starts must be a real date", "Enter why the clock is paused");
            assertThat(pause.errorAt("reason")).isEqualTo("Enter why the clock is paused");
            assertThat(pause.errorAt("on")).isEqualTo("The date the pause starts must be a real date");
            assertThat(browser.find(By.id("on-day")).getAttribute("value")).isEqualTo("31");
            browser.checkPage("clock-pause-errors");

            pause.on(TestClock.today().plusDays(10)).reason("Court proceedings").submit();
            assertThat(pause.errors()).containsExactly("The date the pause starts must not be in the future");
            assertThat(browser.find(By.id("reason")).getAttribute("value")).isEqualTo("Court proceedings");
        }
        assertThat(clock(review(api, world, id), "SCR_COMPLETION").getString("status"))
                .isNotEqualTo("PAUSED");
    }

    @Test
    void another_boards_officer_and_chair_find_no_such_review_and_their_posts_change_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String awaiting = world.openScr(3).getString("id");
        String commissioned = world.openScr(4).getString("id");
        commission(api, world, commissioned);
        ReviewWorld other = ReviewWorld.create(api);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, other.officer());
            for (String path : new String[] {
                "/reviews/" + awaiting,
                "/reviews/" + commissioned + "/clocks/scr-completion/pause",
                "/reviews/" + commissioned + "/clocks/scr-completion/resume"
            }) {
                browser.go(path);
                assertThat(browser.heading()).as(path).isEqualTo("Page not found");
            }
            browser.checkPage("review-not-found");

            // the decision is no officer's, of any board: refused before the review is looked up, as in the API
            browser.go("/reviews/" + awaiting + "/scr-decision");
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            browser.go("/");
            FormPost.send(browser, "/reviews/" + awaiting + "/scr-decision", decisionFields("Not ours to decide"));
            assertThat(browser.heading()).isEqualTo("You cannot do this");

            browser.go("/");
            FormPost.send(browser, "/reviews/" + commissioned + "/clocks/scr-completion/pause", pauseFields());
            assertThat(browser.heading()).isEqualTo("Page not found");
        }
        try (Browser browser = Browser.open(api.baseUrl())) {
            // another board's Chair decides nothing of this board's: the review and its decision form do not exist
            signIn(browser, api, other.chair());
            for (String path : new String[] {"/reviews/" + awaiting, "/reviews/" + awaiting + "/scr-decision"}) {
                browser.go(path);
                assertThat(browser.heading()).as(path).isEqualTo("Page not found");
            }
            browser.go("/");
            FormPost.send(browser, "/reviews/" + awaiting + "/scr-decision", decisionFields("Not ours to decide"));
            assertThat(browser.heading()).isEqualTo("Page not found");
        }
        assertThat(review(api, world, awaiting).getString("status")).isEqualTo("AWAITING_DECISION");
        assertThat(clock(review(api, world, commissioned), "SCR_COMPLETION").getString("status"))
                .isNotEqualTo("PAUSED");
    }

    @Test
    void an_agency_user_of_the_review_reads_it_but_is_refused_its_forms(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        JsonObject scr = world.openScr(3);
        String id = scr.getString("id");
        String commissioned = world.openScr(4).getString("id");
        commission(api, world, commissioned);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.police());
            ReviewPage review = ReviewPage.open(browser, id);
            assertThat(browser.heading()).isEqualTo(scr.getString("reference"));
            assertThat(review.summary("Organisations reviewed"))
                    .contains(name(api, world, world.agencies().get(0)));
            assertThat(review.links()).containsExactly("Documents");
            assertThat(review.offersToRecordTheDecision()).isFalse();
            browser.checkPage("review-agency");

            ReviewPage.open(browser, commissioned);
            assertThat(review.offersToPause("Complete the SCR")).isFalse();

            ScrDecisionPage.open(browser, id);
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            browser.checkPage("scr-decision-forbidden");

            browser.go("/");
            FormPost.send(browser, "/reviews/" + commissioned + "/clocks/scr-completion/pause", pauseFields());
            assertThat(browser.heading()).isEqualTo("You cannot do this");
        }
        assertThat(clock(review(api, world, commissioned), "SCR_COMPLETION").getString("status"))
                .isNotEqualTo("PAUSED");
    }

    /** A decision form's answers: facts that do not meet the criteria, and no review. */
    private static Map<String, String> decisionFields(String reason) {
        return Map.of(
                "abuse", "no",
                "died", "no",
                "harmed", "no",
                "concern", "NO",
                "custody", "no",
                "decision", "NO_REVIEW",
                "reason", reason,
                "decided-on-day", String.valueOf(TestClock.today().getDayOfMonth()),
                "decided-on-month", String.valueOf(TestClock.today().getMonthValue()),
                "decided-on-year", String.valueOf(TestClock.today().getYear()));
    }

    private static Map<String, String> pauseFields() {
        LocalDate today = TestClock.today();
        return Map.of(
                "on-day", String.valueOf(today.getDayOfMonth()),
                "on-month", String.valueOf(today.getMonthValue()),
                "on-year", String.valueOf(today.getYear()),
                "reason", "Court proceedings");
    }

    private static void signIn(Browser browser, Api api, Api.Login login) {
        SignInPage.signIn(browser, login.username(), login.password(), () -> api.signInCode(login.username()));
    }

    /** The Chair commissions the SCR, through the API, decided today. */
    private static void commission(Api api, ReviewWorld world, String id) {
        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/scr-decision",
                world.chair().token(),
                "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":true,\"seriouslyHarmed\":false,"
                        + "\"interAgencyConcern\":\"YES\"},\"decision\":\"COMMISSION_SCR\",\"reason\":\"Criteria met\","
                        + "\"decidedOn\":\"" + TestClock.today() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonObject review(Api api, ReviewWorld world, String id) {
        Api.Reply r = api.get("/api/v1/reviews/" + id, world.officer().token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject clock(JsonObject review, String clock) {
        return review.getJsonArray("clocks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clock").equals(clock))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + clock + " in " + review));
    }

    private static String name(Api api, ReviewWorld world, String organisationId) {
        return api.get(
                        "/api/v1/organisations/" + organisationId,
                        world.officer().token())
                .json()
                .getString("name");
    }

    private static String day(LocalDate d) {
        return d.format(DAY);
    }
}
