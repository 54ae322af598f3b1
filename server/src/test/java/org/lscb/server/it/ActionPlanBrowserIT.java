package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.ActionProgressPage;
import org.lscb.server.it.browser.ActionsPage;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.SignInPage;
import org.lscb.server.web.Words;

/**
 * Journey: the owning agency's user finds their organisation's action under "Actions", reports it in progress,
 * is told a done action needs evidence of its impact, and reports it done with a document they sent to the
 * review and a note [11, 19]; axe-core checks each page.
 */
@ExtendWith(SharedServer.class)
class ActionPlanBrowserIT {

    private final Api api;

    ActionPlanBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void agencyUser_reportsTheirActionDone_withEvidence_throughThePage() throws Exception {
        ReviewWorld w = TwoBoards.create(api, false).a();
        String reviewId = w.openScr(3).getString("id");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        String due = TestClock.today().plusDays(30).toString();
        String actionId = ActionPlansIT.create(
                        api, w.officer(), reviewId, w.agencies().get(0), due)
                .json()
                .getString("id");
        String change = "Refer concerns to children's social care within 24 hours";
        Api.Reply sent = DocumentRequestsIT.sendPlain(api, w.police(), reviewId, "OTHER", "Referral audit");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String evidence = sent.json().getString("id");

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.police().username(),
                    w.police().password(),
                    () -> api.signInCode(w.police().username()));
            ActionsPage actions = ActionsPage.openFromNavigation(browser);
            assertThat(browser.heading()).isEqualTo("Your organisation's actions");
            assertThat(actions.changes()).containsExactly(change);
            browser.checkPage("agency-actions");

            ActionProgressPage action = actions.open(change);
            assertThat(browser.path()).isEqualTo("/actions/" + actionId);
            assertThat(action.summary()).contains("Not started").contains(Words.day(due));
            browser.checkPage("agency-action");

            action.status("IN_PROGRESS").send();
            assertThat(action.banner()).contains("Action updated");
            assertThat(action.summary()).contains("In progress");

            action.status("DONE").send();
            assertThat(action.errors())
                    .containsExactly(
                            "Evidence of impact is required for a done action: a document of the review or a note of"
                                    + " the impact");
            assertThat(browser.driver().getTitle()).startsWith("Error: Action");
            browser.checkPage("agency-action-needs-evidence");

            action.status("DONE")
                    .evidenceDocument(evidence)
                    .evidenceNote("Every referral in March was made within a day")
                    .send();
            assertThat(action.banner()).contains("Action updated");
            assertThat(action.summary())
                    .contains("Done")
                    .contains("Referral audit (version 1)")
                    .contains("Every referral in March was made within a day");
            browser.checkPage("agency-action-done");
        }
        var stored = api.get("/api/v1/actions/" + actionId, w.officer().token()).json();
        assertThat(stored.getString("status")).isEqualTo("DONE");
        assertThat(stored.getString("evidenceDocumentId")).isEqualTo(evidence);
    }

    @Test
    void officer_addsAnActionToTheReviewsPlan_throughTheForm() {
        ReviewWorld w = TwoBoards.create(api, false).a();
        String reviewId = w.openScr(3).getString("id");

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.officer().username(),
                    w.officer().password(),
                    () -> api.signInCode(w.officer().username()));
            browser.go("/reviews/" + reviewId);
            org.lscb.server.it.browser.FormPost.clickAndWait(browser, org.openqa.selenium.By.linkText("Action plan"));
            assertThat(browser.heading()).isEqualTo("Action plan");
            browser.checkPage("officer-action-plan-empty");

            browser.find(org.openqa.selenium.By.id("recommendation")).sendKeys("Health visitors see the child");
            new org.openqa.selenium.support.ui.Select(browser.find(org.openqa.selenium.By.id("organisationId")))
                    .selectByValue(w.agencies().get(1));
            browser.find(org.openqa.selenium.By.id("change")).sendKeys("Visit within 10 days of a referral");
            java.time.LocalDate due = TestClock.today().plusMonths(2);
            browser.find(org.openqa.selenium.By.id("dueOn-day")).sendKeys(Integer.toString(due.getDayOfMonth()));
            browser.find(org.openqa.selenium.By.id("dueOn-month")).sendKeys(Integer.toString(due.getMonthValue()));
            browser.find(org.openqa.selenium.By.id("dueOn-year")).sendKeys(Integer.toString(due.getYear()));
            browser.leavingThePage(
                    () -> browser.find(org.openqa.selenium.By.cssSelector("main form button[type=submit]"))
                            .click());

            assertThat(browser.path()).isEqualTo("/reviews/" + reviewId + "/actions?added");
            assertThat(browser.find(org.openqa.selenium.By.cssSelector("main .govuk-summary-card"))
                            .getText())
                    .contains("Visit within 10 days of a referral")
                    .contains("Health visitors see the child")
                    .contains(Words.day(due.toString()));
            browser.checkPage("officer-action-plan");
        }
    }
}
