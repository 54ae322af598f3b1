package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.ReviewerPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Journey 3 of the web pages: an officer verifies a reviewer's evidence on the reviewer's page, seeing its
 * expiry in words; a decision without its reason is refused with the error summary; an administrator cannot
 * verify.
 */
@ExtendWith(SharedServer.class)
class VerifyEvidenceBrowserIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Test
    void an_officer_verifies_training_and_sees_the_reviewer_qualified(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String name = "Cai " + FindLeadReviewerBrowserIT.capital(FindLeadReviewerBrowserIT.word());
        String reviewer = ReviewerRegistryIT.reviewer(api, world.officer(), name, "HEALTH", "LONDON");
        LocalDate expires = TestClock.today().plusYears(2);
        evidence(
                api,
                world,
                reviewer,
                "TRAINING",
                "Learning Together",
                TestClock.today().minusYears(1),
                expires);
        LocalDate expired = TestClock.today().minusMonths(6);
        evidence(api, world, reviewer, "REFERENCE", "Reference from Testshire", expired.minusYears(2), expired);
        try (Browser browser = Browser.open(api.baseUrl())) {
            FindLeadReviewerBrowserIT.signIn(browser, api, world.officer());
            browser.go("/reviewers/" + reviewer);
            ReviewerPage page = new ReviewerPage(browser);
            assertThat(browser.heading()).isEqualTo(name);
            assertThat(page.tags()).contains("Not qualified");
            assertThat(page.evidenceTag("Learning Together")).isEqualTo("Not verified");
            assertThat(page.evidence("Learning Together")).contains("Expires on " + expires.format(DAY));
            assertThat(page.evidence("Reference from Testshire")).contains("Expired on " + expired.format(DAY));
            browser.checkPage("reviewer-evidence");

            page.verify("Learning Together", "Certificate seen");
            assertThat(page.banner()).contains("Evidence verified");
            assertThat(page.evidenceTag("Learning Together")).isEqualTo("Verified");
            assertThat(page.evidence("Learning Together")).contains("Verified on ", "Certificate seen");
            assertThat(page.tags()).contains("Qualified");
            browser.checkPage("reviewer-evidence-verified");
        }
        JsonObject profile = api.get(
                        "/api/v1/reviewers/" + reviewer, world.officer().token())
                .json();
        assertThat(profile.getBoolean("qualified")).isTrue();
    }

    @Test
    void a_withdrawal_without_a_reason_or_no_decision_shows_the_error_summary_and_changes_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String reviewer = world.reviewer(null); // with verified training
        JsonObject before = api.get(
                        "/api/v1/reviewers/" + reviewer, world.officer().token())
                .json();
        String eid = before.getJsonArray("evidence").getJsonObject(0).getString("id");
        try (Browser browser = Browser.open(api.baseUrl())) {
            FindLeadReviewerBrowserIT.signIn(browser, api, world.officer());
            browser.go("/reviewers/" + reviewer);
            ReviewerPage page = new ReviewerPage(browser);
            page.saveWithoutDeciding("Learning Together");
            assertThat(page.errors()).containsExactly("Select whether to verify the evidence or withdraw it");
            assertThat(page.fieldError("decision-" + eid)).contains("Select whether");

            page.withdraw("Learning Together", "");
            assertThat(page.errors())
                    .containsExactly("Enter why you are withdrawing the verification: every board relying on this"
                            + " reviewer sees it");
            assertThat(page.fieldError("note-" + eid)).contains("Enter why you are withdrawing");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            browser.checkPage("reviewer-withdrawal-without-reason");
        }
        JsonObject after = api.get(
                        "/api/v1/reviewers/" + reviewer, world.officer().token())
                .json();
        assertThat(after.getJsonArray("evidence").getJsonObject(0).getBoolean("verified"))
                .isTrue();
        assertThat(after.getBoolean("qualified")).isTrue();
    }

    @Test
    void an_administrator_sees_the_evidence_but_cannot_verify_it(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String reviewer = ReviewerRegistryIT.reviewer(api, world.officer(), "Dee " + Api.unique(), "HEALTH", "LONDON");
        String eid = evidence(
                api,
                world,
                reviewer,
                "TRAINING",
                "Learning Together",
                TestClock.today().minusYears(1),
                TestClock.today().plusYears(1));
        Api.Login admin = api.newAccount("ADMIN");
        try (Browser browser = Browser.open(api.baseUrl())) {
            FindLeadReviewerBrowserIT.signIn(browser, api, admin);
            browser.go("/reviewers/" + reviewer);
            assertThat(browser.findAll(By.cssSelector("form[action$='/verification']")))
                    .isEmpty();
            browser.checkPage("reviewer-seen-by-administrator");

            // the post an officer's form would make, sent from the administrator's session
            browser.leavingThePage(() -> ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "const f = document.querySelector(\"form[action='/sign-out']\");"
                                    + "f.action = arguments[0];"
                                    + "for (const [k, v] of [['decision', 'verify'], ['note', 'seen']]) {"
                                    + "  const i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
                                    + "  i.value = v; f.appendChild(i); }"
                                    + "f.submit();",
                            "/reviewers/" + reviewer + "/evidence/" + eid + "/verification"));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
        }
        JsonObject after = api.get(
                        "/api/v1/reviewers/" + reviewer, world.officer().token())
                .json();
        assertThat(after.getJsonArray("evidence").getJsonObject(0).getBoolean("verified"))
                .isFalse();
    }

    private static String evidence(
            Api api, ReviewWorld world, String reviewer, String type, String title, LocalDate date, LocalDate expires) {
        Api.Reply r = api.post(
                "/api/v1/reviewers/" + reviewer + "/evidence",
                world.officer().token(),
                "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"issuer\":\"SCIE\",\"date\":\"" + date
                        + "\",\"expires\":\"" + expires + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }
}
