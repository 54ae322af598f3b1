package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.AccountPage;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.ErrorSummary;
import org.lscb.server.it.browser.SignInPage;
import org.lscb.server.it.browser.TwoFactorSetupPage;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Setting up two-factor sign-in in the browser: an officer the administrator has just created signs in for the
 * first time, scans (here: reads) the key, confirms it with a code, keeps the recovery codes and reaches the
 * reviews; the administrator resets it, and the officer must set it up again.
 */
@ExtendWith(SharedServer.class)
class TwoFactorSetupBrowserIT {

    @Test
    void a_new_officer_sets_up_two_factor_sign_in_and_sets_it_up_again_after_a_reset(Api api) {
        Api.Login admin = api.newAccount("ADMIN");
        String boardId = api.newOrganisation("LSCB");
        String boardName = api.get("/api/v1/organisations/" + boardId, api.adminToken())
                .json()
                .getString("name");
        String officer = "e." + Api.unique();
        String password = "pw-" + UUID.randomUUID();
        try (Browser adminBrowser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(adminBrowser, admin.username(), admin.password(), () -> api.signInCode(admin.username()));
            new WebDriverWait(adminBrowser.driver(), Duration.ofSeconds(60))
                    .until(ExpectedConditions.urlToBe(adminBrowser.baseUrl() + "/"));
            AccountPage accounts = AccountPage.openList(adminBrowser).startAdding();
            accounts.add(officer, "Eve Officer " + Api.unique(), List.of("Board officer"), boardName, password);
            assertThat(accounts.successMessage()).isEqualTo("Account added");
            assertThat(accounts.summary()).containsEntry("Two-factor sign-in", "Not set up");
            String accountPath = adminBrowser.path().replaceFirst("\\?.*$", "");

            try (Browser browser = Browser.open(api.baseUrl())) {
                SignInPage.open(browser).enterPassword(officer, password);
                TwoFactorSetupPage setUp = TwoFactorSetupPage.afterPassword(browser);
                assertThat(browser.path()).isEqualTo("/sign-in/two-factor");
                assertThat(browser.heading()).isEqualTo("Set up two-factor sign-in");
                assertThat(setUp.showsQrCode()).isTrue();
                assertThat(setUp.qrCodeHasNoInlineStyleOrScript()).isTrue();
                browser.checkPage("two-factor-set-up");

                api.knowSecret(officer, setUp.key());
                setUp.enterCode(api.nextCode(officer));
                assertThat(browser.heading()).isEqualTo("Save your recovery codes");
                assertThat(setUp.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
                browser.checkPage("two-factor-recovery-codes");
                setUp.continueAfterSavingCodes();
                assertThat(browser.path()).isEqualTo("/");
                assertThat(browser.heading()).isEqualTo("Reviews");
            }

            adminBrowser.go(accountPath);
            assertThat(accounts.summary().get("Two-factor sign-in")).startsWith("Set up since");
            accounts.askToResetTwoFactor();
            assertThat(adminBrowser.heading()).isEqualTo("Reset two-factor sign-in for " + officer);
            adminBrowser.checkPage("admin-two-factor-reset");
            accounts.confirmReset();
            assertThat(accounts.successMessage()).startsWith("Two-factor sign-in reset");
            assertThat(accounts.summary()).containsEntry("Two-factor sign-in", "Not set up");
            adminBrowser.checkPage("admin-account-after-reset");

            try (Browser browser = Browser.open(api.baseUrl())) {
                SignInPage.open(browser).enterPassword(officer, password);
                TwoFactorSetupPage setUp = TwoFactorSetupPage.afterPassword(browser);
                assertThat(browser.path()).isEqualTo("/sign-in/two-factor");
                api.knowSecret(officer, setUp.key());
                setUp.enterCode(api.nextCode(officer));
                assertThat(setUp.recoveryCodes()).hasSize(10);
                setUp.continueAfterSavingCodes();
                assertThat(browser.heading()).isEqualTo("Reviews");
            }
        }
    }

    @Test
    void a_wrong_code_is_refused_and_the_account_stays_without_a_second_factor_and_signed_out(Api api) {
        String boardId = api.newOrganisation("LSCB");
        String officer = "w." + Api.unique();
        String password = "pw-" + UUID.randomUUID();
        Api.Reply created = api.post(
                "/api/v1/accounts",
                api.adminToken(),
                "{\"username\":\"" + officer + "\",\"displayName\":\"Wes Officer " + Api.unique()
                        + "\",\"roles\":[\"LSCB_OFFICER\"],\"organisationId\":\"" + boardId + "\",\"password\":\""
                        + password + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.open(browser).enterPassword(officer, password);
            TwoFactorSetupPage setUp = TwoFactorSetupPage.afterPassword(browser);
            setUp.enterCode("");
            assertThat(ErrorSummary.of(browser)).containsExactly("Enter the code");
            setUp.enterCode("000000");
            assertThat(ErrorSummary.of(browser)).singleElement().asString().startsWith("The code is not correct");
            assertThat(ErrorSummary.besideField(browser, "code")).startsWith("The code is not correct");
            assertThat(browser.driver().getTitle()).startsWith("Error: Set up two-factor sign-in");
            browser.checkPage("two-factor-set-up-errors");

            // setting up is all an enrolling session can do
            browser.go("/");
            assertThat(browser.path()).startsWith("/sign-in");
            browser.go("/admin");
            assertThat(browser.path()).startsWith("/sign-in");
        }
        Api.Reply signIn = api.signIn(officer, password);
        assertThat(signIn.json().getString("next", "")).isEqualTo("enrol_totp");
    }
}
