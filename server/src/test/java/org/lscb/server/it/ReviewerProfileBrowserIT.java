package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.AddEvidencePage;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.DeclareInterestPage;
import org.lscb.server.it.browser.DeclareTiePage;
import org.lscb.server.it.browser.EditProfilePage;
import org.lscb.server.it.browser.ProfilePage;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Journey 4 of the web pages: a reviewer keeps their own register entry (docs/domain.md "Reviewer
 * qualification", "Independence") and sees the reviews they are appointed to; and what they, and others, are
 * refused on the way.
 */
@ExtendWith(SharedServer.class)
class ReviewerProfileBrowserIT {

    /** A reviewer who registered themselves, with their entry's id. */
    record Me(Api.Login login, String id) {}

    @Test
    void a_reviewer_changes_their_profile_adds_evidence_declares_a_tie_and_an_interest_and_sees_their_appointment(
            Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        JsonObject review = world.openScr(3);
        Me me = registered(api, "Robin Reviewer " + Api.unique());
        appointAsLead(api, world, review.getString("id"), me);
        String police = world.agencies().get(0);
        String health = world.agencies().get(1);
        LocalDate today = TestClock.today();

        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, me.login());
            ProfilePage profile = ProfilePage.open(browser);
            assertThat(browser.heading()).isEqualTo("Your profile");
            assertThat(profile.appointments())
                    .singleElement()
                    .asString()
                    .contains(review.getString("reference"), "Child A", "Lead reviewer", "Serious case review");
            assertThat(profile.evidence("Learning Together")).contains("Verified", "Does not expire");
            assertThat(profile.detail("Qualified")).startsWith("Yes");
            browser.checkPage("profile");

            EditProfilePage edit = profile.changeName();
            assertThat(browser.heading()).isEqualTo("Change your profile");
            browser.checkPage("profile-edit");
            String newName = "Robin Q Reviewer " + Api.unique();
            edit.name(newName)
                    .summary("Led eleven systems reviews in health and policing.")
                    .tickRegion("NORTH_EAST")
                    .available(false)
                    .send();
            assertThat(browser.path()).isEqualTo("/profile?done=profile");
            assertThat(profile.banner()).contains("Your profile has been changed");
            assertThat(profile.detail("Name")).isEqualTo(newName);
            assertThat(profile.detail("Regions")).contains("North east", "London");
            assertThat(profile.detail("Available for new reviews")).isEqualTo("No");
            browser.checkPage("profile-changed");

            AddEvidencePage evidence = profile.addEvidence();
            assertThat(browser.heading()).isEqualTo("Add evidence");
            browser.checkPage("profile-evidence-new");
            LocalDate expires = today.plusYears(2);
            evidence.fill("REFERENCE", "Reference from Northmere LSCB", "Northmere LSCB", today.minusMonths(6), expires)
                    .send();
            assertThat(browser.path()).isEqualTo("/profile?done=evidence");
            assertThat(profile.evidence("Reference from Northmere LSCB"))
                    .contains("Reference", "Not verified", "Expires on " + words(expires));

            DeclareTiePage tie = profile.declareTie();
            assertThat(browser.heading()).isEqualTo("Declare a tie to an organisation");
            assertThat(tie.options("organisationId")).hasSize(1 + 4); // "Choose", the board and the three agencies
            browser.checkPage("profile-tie-new");
            tie.fill(police, "CONTRACT", "Case auditor", today.minusYears(2), today.minusYears(1))
                    .send();
            assertThat(browser.path()).isEqualTo("/profile?done=affiliation");
            assertThat(profile.rowsUnder("Ties to organisations"))
                    .singleElement()
                    .asString()
                    .contains("POLICE", "Contract", "Case auditor", words(today.minusYears(2)));

            DeclareInterestPage interest = profile.declareInterest();
            assertThat(browser.heading()).isEqualTo("Declare an interest");
            browser.checkPage("profile-interest-new");
            interest.describe("My sister is a health visitor in this trust.")
                    .concerning(health)
                    .send();
            assertThat(browser.path()).isEqualTo("/profile?done=interest");
            assertThat(profile.rowsUnder("Declared interests"))
                    .singleElement()
                    .asString()
                    .contains("My sister is a health visitor", "HEALTH");
            browser.checkPage("profile-complete");
        }

        JsonObject stored =
                api.get("/api/v1/reviewers/" + me.id(), me.login().token()).json();
        assertThat(stored.getBoolean("available")).isFalse();
        assertThat(stored.getJsonArray("evidence")).hasSize(2);
        assertThat(stored.getJsonArray("affiliations").getJsonObject(0).getString("organisationId"))
                .isEqualTo(police);
        assertThat(stored.getJsonArray("interests").getJsonObject(0).getString("organisationId"))
                .isEqualTo(health);
    }

    @Test
    void changing_the_profile_without_a_name_shows_the_error_and_stores_nothing(Api api) {
        Me me = registered(api, "Sam Reviewer " + Api.unique());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, me.login());
            EditProfilePage edit = EditProfilePage.open(browser);
            edit.name("").summary("Something new").send();
            assertThat(edit.errors()).containsExactly("Your name must not be empty");
            assertThat(edit.fieldError("displayName")).isEqualTo("Your name must not be empty");
            assertThat(browser.driver().getTitle()).startsWith("Error: Change your profile");
            assertThat(browser.find(By.id("summary")).getAttribute("value")).isEqualTo("Something new");
            browser.checkPage("profile-edit-errors");
        }
        JsonObject stored =
                api.get("/api/v1/reviewers/" + me.id(), me.login().token()).json();
        assertThat(stored.getString("displayName")).startsWith("Sam Reviewer");
        assertThat(stored.getString("summary")).isEqualTo("Systems reviewer.");
    }

    @Test
    void evidence_with_a_date_that_is_not_real_or_in_the_future_is_refused_and_nothing_is_added(Api api) {
        Me me = registered(api, "Kit Reviewer " + Api.unique());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, me.login());
            AddEvidencePage evidence = AddEvidencePage.open(browser);
            evidence.send();
            assertThat(evidence.errors()).containsExactly("Kind of evidence is required");
            assertThat(evidence.fieldError("type")).isEqualTo("Kind of evidence is required");
            browser.checkPage("profile-evidence-errors");

            evidence.fill("TRAINING", "Systems course", "SCIE", TestClock.today(), null)
                    .dateTyped("31", "2", "2024")
                    .send();
            assertThat(evidence.errors()).containsExactly("The date of the evidence must be a real date");
            assertThat(evidence.fieldError("date")).contains("must be a real date");

            evidence.fill(
                            "TRAINING",
                            "Systems course",
                            "SCIE",
                            TestClock.today().plusDays(10),
                            null)
                    .send();
            assertThat(evidence.errors()).containsExactly("The date of the evidence must not be in the future");
        }
        assertThat(api.get("/api/v1/reviewers/" + me.id(), me.login().token())
                        .json()
                        .getJsonArray("evidence"))
                .hasSize(1);
    }

    @Test
    void an_interest_without_a_description_and_a_tie_without_an_organisation_are_refused(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        JsonObject review = world.openScr(3);
        Me me = registered(api, "Ash Reviewer " + Api.unique());
        appointAsLead(api, world, review.getString("id"), me);
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, me.login());
            DeclareInterestPage interest = DeclareInterestPage.open(browser);
            interest.concerning(world.agencies().get(0)).send();
            assertThat(interest.errors()).containsExactly("The description must not be empty");
            assertThat(interest.fieldError("description")).isEqualTo("The description must not be empty");
            browser.checkPage("profile-interest-errors");

            DeclareTiePage tie = DeclareTiePage.open(browser);
            tie.fill(null, "EMPLOYMENT", "Nurse", TestClock.today().minusYears(1), null)
                    .send();
            assertThat(tie.errors()).containsExactly("The organisation is required");
            assertThat(tie.fieldError("organisationId")).isEqualTo("The organisation is required");
            browser.checkPage("profile-tie-errors");

            tie.fill(
                            world.agencies().get(1),
                            "EMPLOYMENT",
                            "Nurse",
                            TestClock.today().minusYears(1),
                            TestClock.today().minusYears(2))
                    .send();
            assertThat(tie.errors()).containsExactly("The end date must not be before from");
            assertThat(tie.fieldError("to")).isEqualTo("The end date must not be before from");
        }
        JsonObject stored =
                api.get("/api/v1/reviewers/" + me.id(), me.login().token()).json();
        assertThat(stored.getJsonArray("interests")).isEmpty();
        assertThat(stored.getJsonArray("affiliations")).isEmpty();
    }

    @Test
    void an_officer_and_an_agency_user_get_the_403_page_and_an_officers_post_changes_nothing(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        for (Api.Login who : new Api.Login[] {world.officer(), world.police()}) {
            try (Browser browser = Browser.open(api.baseUrl())) {
                signIn(browser, api, who);
                for (String path : new String[] {"/profile", "/profile/edit", "/profile/evidence/new"}) {
                    browser.go(path);
                    assertThat(browser.heading()).as(path).isEqualTo("You cannot do this");
                }
                browser.checkPage("profile-refused-" + (who == world.officer() ? "officer" : "agency"));

                // a post with the session's own token, as a forged form would send it, is refused as well
                browser.go("/");
                post(browser, "/profile/interests/new", "description", "Planted by " + who.username());
                assertThat(browser.heading()).isEqualTo("You cannot do this");
            }
        }
    }

    @Test
    void a_field_naming_another_reviewer_is_ignored_the_page_changes_only_the_callers_own_entry(Api api) {
        Me me = registered(api, "Lee Reviewer " + Api.unique());
        Me other = registered(api, "Other Reviewer " + Api.unique());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, me.login());
            EditProfilePage.open(browser);
            // a tampered form: the API's id and accountId, naming the other reviewer's entry
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript(
                    "for (const [n, v] of [['id', arguments[0]], ['reviewerId', arguments[0]], ['accountId', arguments[1]]]) {"
                            + " const i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v;"
                            + " document.querySelector('main form').appendChild(i); }",
                    other.id(),
                    other.login().id());
            new EditProfilePage(browser).name("Renamed by Lee " + Api.unique()).send();
            assertThat(browser.path()).isEqualTo("/profile?done=profile");

            browser.go("/profile?id=" + other.id());
            assertThat(browser.heading()).isEqualTo("Your profile");
            assertThat(new ProfilePage(browser).detail("Name")).startsWith("Renamed by Lee");
        }
        assertThat(api.get("/api/v1/reviewers/" + other.id(), other.login().token())
                        .json()
                        .getString("displayName"))
                .startsWith("Other Reviewer");
        assertThat(api.get("/api/v1/reviewers/" + me.id(), me.login().token())
                        .json()
                        .getString("displayName"))
                .startsWith("Renamed by Lee");
    }

    @Test
    void a_reviewer_appointed_by_another_board_sees_only_their_own_appointments(Api api) {
        ReviewWorld boardA = ReviewWorld.create(api);
        ReviewWorld boardB = ReviewWorld.create(api);
        JsonObject reviewA = boardA.openScr(3);
        JsonObject reviewB = boardB.openScr(3);
        Me inA = registered(api, "Alex Reviewer " + Api.unique());
        Me inB = registered(api, "Bo Reviewer " + Api.unique());
        appointAsLead(api, boardA, reviewA.getString("id"), inA);
        appointAsLead(api, boardB, reviewB.getString("id"), inB);

        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, inB.login());
            ProfilePage profile = ProfilePage.open(browser);
            assertThat(profile.appointments())
                    .singleElement()
                    .asString()
                    .contains(reviewB.getString("reference"))
                    .doesNotContain(reviewA.getString("reference"));
            assertThat(browser.find(By.tagName("main")).getText())
                    .doesNotContain(reviewA.getString("reference"))
                    .doesNotContain(inA.login().username());
            browser.checkPage("profile-other-board");

            // the tie form offers only the organisations of board B's review
            assertThat(DeclareTiePage.open(browser).options("organisationId"))
                    .noneMatch(o -> o.equals(name(api, boardA.agencies().get(0))));
        }
    }

    // --- helpers

    /** A reviewer account that registered itself, with one piece of training evidence of its own. */
    static Me registered(Api api, String name) {
        Api.Login login = api.newAccount("REVIEWER");
        Api.Reply r =
                api.post("/api/v1/reviewers", login.token(), ReviewerRegistryIT.profile(name, "HEALTH", "LONDON"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().getString("id");
        Api.Reply e = api.post("/api/v1/reviewers/" + id + "/evidence", login.token(), ReviewerRegistryIT.training());
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        return new Me(login, id);
    }

    /** The board's officer verifies the reviewer's training and appoints them to lead the review. */
    static void appointAsLead(Api api, ReviewWorld world, String reviewId, Me me) {
        JsonObject entry =
                api.get("/api/v1/reviewers/" + me.id(), me.login().token()).json();
        String eid = entry.getJsonArray("evidence").getJsonObject(0).getString("id");
        Api.Reply v = api.post(
                "/api/v1/reviewers/" + me.id() + "/evidence/" + eid + "/verification",
                world.officer().token(),
                "{\"verified\":true,\"note\":\"certificate seen\"}");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        Api.Reply a = world.appoint(reviewId, me.id(), "LEAD_REVIEWER");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    private static void signIn(Browser browser, Api api, Api.Login login) {
        SignInPage.signIn(browser, login.username(), login.password(), () -> api.signInCode(login.username()));
    }

    /** Posts a form with the page's own CSRF token (from the sign-out form) to {@code path}. */
    private static void post(Browser browser, String path, String field, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                                + " for (const [n, v] of [['csrf', document.querySelector('input[name=csrf]').value],"
                                + " [arguments[1], arguments[2]]]) { const i = document.createElement('input');"
                                + " i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); }"
                                + " document.body.appendChild(f); f.submit();",
                        path,
                        field,
                        value);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith(path));
    }

    private static String name(Api api, String organisationId) {
        return api.get("/api/v1/organisations/" + organisationId, api.adminToken())
                .json()
                .getString("name");
    }

    private static String words(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK));
    }
}
