package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.AccountPage;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.ErrorSummary;
import org.lscb.server.it.browser.FormPost;
import org.lscb.server.it.browser.OrganisationPage;
import org.lscb.server.it.browser.SignInPage;

/**
 * Journey 7 of issue 18: the administrator registers a board and an agency, puts the agency among the board's
 * members and takes it out again, and adds an account; each form's bad input; and the refusals of the API's
 * access matrix shown as pages (officers, agency staff, another board's officer), changing nothing.
 */
@ExtendWith(SharedServer.class)
class AdministratorBrowserIT {

    @Test
    void the_administrator_registers_a_board_and_an_agency_makes_it_a_member_and_adds_an_account(Api api) {
        Api.Login admin = api.newAccount("ADMIN");
        String board = "Westmarch Safeguarding Board " + Api.unique();
        String agency = "Westmarch Police " + Api.unique();
        String username = "p." + Api.unique();
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, admin);
            browser.go("/admin");
            assertThat(browser.heading()).isEqualTo("Administration");
            browser.checkPage("admin-start");

            OrganisationPage organisations = OrganisationPage.openDirectory(browser);
            assertThat(browser.heading()).isEqualTo("Organisations");
            browser.checkPage("admin-organisations");

            organisations.startAdding();
            assertThat(browser.heading()).isEqualTo("Add an organisation");
            browser.checkPage("admin-organisation-new");
            organisations.add(board, "Local Safeguarding Children Board", "Westmarch");
            assertThat(browser.heading()).isEqualTo(board);
            assertThat(organisations.successMessage()).isEqualTo("Organisation added");
            assertThat(organisations.members()).isEmpty();
            browser.checkPage("admin-board");
            String boardId = organisations.id();

            OrganisationPage.openDirectory(browser).startAdding().add(agency, "Police", "Westmarch");
            assertThat(browser.heading()).isEqualTo(agency);
            browser.checkPage("admin-agency");
            String agencyId = organisations.id();
            organisations.addToBoard(board);
            assertThat(organisations.successMessage()).isEqualTo("Organisation added to the board");
            assertThat(memberIds(api, boardId)).containsExactly(agencyId);

            browser.go("/admin/organisations/" + boardId);
            assertThat(organisations.members()).containsExactly(agency);
            organisations.removeMember(agency);
            assertThat(organisations.successMessage()).isEqualTo("Member removed from the board");
            assertThat(organisations.members()).isEmpty();
            assertThat(memberIds(api, boardId)).isEmpty();
            organisations.addMember(agency);
            assertThat(organisations.successMessage()).isEqualTo("Member added to the board");
            assertThat(organisations.members()).containsExactly(agency);
            browser.checkPage("admin-board-members");

            AccountPage accounts = AccountPage.openList(browser);
            assertThat(browser.heading()).isEqualTo("Accounts");
            browser.checkPage("admin-accounts");
            accounts.startAdding();
            assertThat(browser.heading()).isEqualTo("Add an account");
            browser.checkPage("admin-account-new");
            accounts.add(
                    username,
                    "Pat Constable " + Api.unique(),
                    List.of("Agency staff"),
                    agency,
                    "pw-" + java.util.UUID.randomUUID());
            assertThat(accounts.successMessage()).isEqualTo("Account added");
            Map<String, String> summary = accounts.summary();
            assertThat(summary).containsEntry("Username", username);
            assertThat(summary).containsEntry("Roles", "Agency staff");
            assertThat(summary).containsEntry("Organisation", agency);
            assertThat(summary).containsEntry("Two-factor sign-in", "Not set up");
            browser.checkPage("admin-account");
            assertThat(usernames(api)).contains(username);
        }
    }

    @Test
    void each_administration_form_shows_its_errors_and_stores_nothing(Api api) {
        Api.Login admin = api.newAccount("ADMIN");
        Api.Login existing = api.newAccount("AGENCY_USER");
        String boardId = api.newOrganisation("LSCB");
        String takenName = organisationName(api, existing.organisationId());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, admin);
            long organisationsBefore = organisationCount(api);
            OrganisationPage organisations =
                    OrganisationPage.openDirectory(browser).startAdding();
            organisations.add("", null, "");
            assertThat(ErrorSummary.of(browser))
                    .containsExactly("Enter the organisation's name", "Select what kind of organisation it is");
            assertThat(ErrorSummary.besideField(browser, "name")).isEqualTo("Enter the organisation's name");
            assertThat(browser.driver().getTitle()).startsWith("Error: Add an organisation");
            browser.checkPage("admin-organisation-new-errors");
            organisations.add(takenName.toUpperCase(java.util.Locale.ROOT), "Police", "");
            assertThat(ErrorSummary.of(browser))
                    .singleElement()
                    .asString()
                    .startsWith("Name is taken by, or looks like");
            assertThat(ErrorSummary.besideField(browser, "name")).startsWith("Name is taken");
            assertThat(organisationCount(api)).isEqualTo(organisationsBefore);

            browser.go("/admin/organisations/" + boardId);
            organisations.addMember(null);
            assertThat(ErrorSummary.of(browser)).containsExactly("Choose the organisation to add");
            assertThat(ErrorSummary.besideField(browser, "organisationId")).isEqualTo("Choose the organisation to add");
            browser.checkPage("admin-board-member-errors");
            assertThat(memberIds(api, boardId)).isEmpty();

            long accountsBefore = usernames(api).size();
            AccountPage accounts = AccountPage.openList(browser).startAdding();
            accounts.add("", "", List.of(), null, "");
            assertThat(ErrorSummary.of(browser))
                    .containsExactly(
                            "Enter a username",
                            "Enter the person's full name",
                            "Select at least one role",
                            "Enter an initial password");
            assertThat(ErrorSummary.besideField(browser, "roles")).isEqualTo("Select at least one role");
            browser.checkPage("admin-account-new-errors");
            accounts.add(
                    existing.username(),
                    "Someone Else " + Api.unique(),
                    List.of("Agency staff"),
                    null,
                    "pw-" + java.util.UUID.randomUUID());
            assertThat(ErrorSummary.of(browser)).containsExactly("Username is taken");
            assertThat(ErrorSummary.besideField(browser, "username")).isEqualTo("Username is taken");
            assertThat(usernames(api)).hasSize((int) accountsBefore);
        }
    }

    @Test
    void agency_staff_get_the_refusal_page_for_every_administration_page_and_their_posts_change_nothing(Api api) {
        Api.Login agencyUser = api.newAccount("AGENCY_USER");
        String boardId = api.newOrganisation("LSCB");
        String name = "Refused Agency " + Api.unique();
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, agencyUser);
            for (String page : List.of(
                    "/admin",
                    "/admin/organisations",
                    "/admin/organisations/new",
                    "/admin/organisations/" + boardId,
                    "/admin/accounts",
                    "/admin/accounts/new",
                    "/admin/accounts/" + agencyUser.id(),
                    "/admin/accounts/" + agencyUser.id() + "/two-factor-reset")) {
                browser.go(page);
                assertThat(browser.heading()).as(page).isEqualTo("You cannot do this");
            }
            browser.checkPage("admin-refused");
            browser.go("/");
            FormPost.send(browser, "/admin/organisations/new", Map.of("name", name, "kind", "POLICE", "area", ""));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            assertThat(organisationNames(api)).doesNotContain(name);
        }
    }

    @Test
    void an_officer_may_neither_change_their_boards_members_nor_grant_an_officers_role(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String agency = world.agencies().get(1);
        String username = "o." + Api.unique();
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            OrganisationPage board = new OrganisationPage(browser);
            browser.go("/admin/organisations/" + world.board());
            assertThat(board.offersToChangeMembers()).isFalse();
            browser.checkPage("admin-board-as-officer");

            FormPost.send(
                    browser, "/admin/organisations/" + world.board() + "/members", Map.of("organisationId", agency));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            browser.checkPage("admin-members-refused");
            assertThat(memberIds(api, world.board())).doesNotContain(agency);

            browser.go("/admin/accounts/new");
            FormPost.send(
                    browser,
                    "/admin/accounts/new",
                    Map.of(
                            "username",
                            username,
                            "displayName",
                            "Would Be Officer " + Api.unique(),
                            "roles",
                            "LSCB_OFFICER",
                            "organisationId",
                            world.board(),
                            "password",
                            "pw-" + java.util.UUID.randomUUID()));
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            assertThat(usernames(api)).doesNotContain(username);
        }
    }

    @Test
    void an_officer_of_another_board_cannot_see_nor_reset_the_second_factor_of_this_boards_staff(Api api) {
        TwoBoards boards = TwoBoards.create(api, false);
        Api.Login staff = boards.a().police();
        api.enrolSecondFactor(staff.username(), staff.token());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, boards.officerB());
            browser.go("/admin/accounts/" + staff.id());
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.go("/admin/accounts/" + staff.id() + "/two-factor-reset");
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.checkPage("admin-account-not-found");
            browser.go("/admin/accounts");
            assertThat(new AccountPage(browser).usernamesListed()).doesNotContain(staff.username());

            FormPost.send(browser, "/admin/accounts/" + staff.id() + "/two-factor-reset", Map.of());
            assertThat(browser.heading()).isEqualTo("Page not found");
            assertThat(secondFactorOf(api, staff)).isTrue();

            browser.go("/admin/organisations/" + boards.a().board());
            assertThat(browser.heading()).isEqualTo("Page not found");
        }
    }

    @Test
    void an_officer_cannot_reset_the_second_factor_of_another_officer(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        Api.Login colleague = api.newAccount("LSCB_OFFICER", world.board());
        try (Browser browser = Browser.open(api.baseUrl())) {
            signIn(browser, api, world.officer());
            browser.go("/admin/accounts/" + colleague.id() + "/two-factor-reset");
            FormPost.send(browser, "/admin/accounts/" + colleague.id() + "/two-factor-reset", Map.of());
            assertThat(browser.heading()).isEqualTo("You cannot do this");
            assertThat(secondFactorOf(api, colleague)).isTrue();
        }
    }

    private static void signIn(Browser browser, Api api, Api.Login login) {
        SignInPage.signIn(browser, login.username(), login.password(), () -> api.signInCode(login.username()));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(browser.baseUrl() + "/"));
        assertThat(browser.heading()).isEqualTo("Reviews");
    }

    private static boolean secondFactorOf(Api api, Api.Login login) {
        Api.Reply r = api.get("/api/v1/auth/totp", login.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getBoolean("enrolled");
    }

    private static List<String> memberIds(Api api, String boardId) {
        Api.Reply r = api.get("/api/v1/organisations/" + boardId + "/members", api.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    private static String organisationName(Api api, String id) {
        return api.get("/api/v1/organisations/" + id, api.adminToken()).json().getString("name");
    }

    private static long organisationCount(Api api) {
        return api.get("/api/v1/organisations?size=1", api.adminToken())
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    private static List<String> organisationNames(Api api) {
        return all(api, "/api/v1/organisations", "name");
    }

    private static List<String> usernames(Api api) {
        return all(api, "/api/v1/accounts", "username");
    }

    /** Every item's field, through every page of a list. */
    private static List<String> all(Api api, String path, String field) {
        List<String> values = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject r =
                    api.get(path + "?size=100&page=" + page, api.adminToken()).json();
            var items = r.getJsonArray("items");
            items.forEach(v -> values.add(v.asJsonObject().getString(field)));
            if (items.size() < 100) {
                return values;
            }
        }
    }
}
