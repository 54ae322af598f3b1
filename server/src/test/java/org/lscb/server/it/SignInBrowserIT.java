package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.FormPost;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Signing in and out in Chromium: password, then the one-time code; the session cookie; the errors. */
@ExtendWith(SharedServer.class)
class SignInBrowserIT {

    @Test
    void an_officer_signs_in_with_password_and_code_sees_the_dashboard_and_signs_out(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        world.openScr(3);
        try (Browser browser = Browser.open(api.baseUrl())) {
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/sign-in?next=%2F");
            browser.checkPage("sign-in");

            SignInPage page = new SignInPage(browser)
                    .enterPassword(world.officer().username(), world.officer().password());
            assertThat(browser.path()).startsWith("/sign-in/code");
            assertThat(browser.heading()).isEqualTo("Enter your security code");
            browser.checkPage("sign-in-code");

            page.enterCode(api.nextCode(world.officer().username()));
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.heading()).isEqualTo("Reviews");
            assertThat(browser.find(By.cssSelector("main table")).getText()).contains("Child A");
            browser.checkPage("dashboard");

            Cookie session = browser.cookie("__Host-lscb-session");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
            assertThat(session.getPath()).isEqualTo("/");
            Cookie key = browser.cookie("__Host-lscb-key");
            assertThat(key).isNotNull();
            assertThat(key.isHttpOnly()).isTrue();
            assertThat(key.isSecure()).isTrue();
            assertThat(key.getSameSite()).isEqualToIgnoringCase("Strict");
            assertThat(key.getValue()).hasSize(43);

            FormPost.clickAndWait(browser, By.cssSelector("form[action='/sign-out'] button"));
            assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
            assertThat(browser.find(By.cssSelector(".govuk-notification-banner"))
                            .getText())
                    .contains("You have signed out");
            browser.go("/");
            assertThat(browser.path()).startsWith("/sign-in");
        }
    }

    @Test
    void a_form_without_answers_shows_the_error_summary_and_each_fields_message(Api api) {
        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage page = SignInPage.open(browser);
            FormPost.clickAndWait(browser, By.cssSelector("main button[type=submit]"));
            assertThat(page.errors()).containsExactly("Enter your username", "Enter your password");
            assertThat(browser.find(By.id("username-error")).getText()).contains("Enter your username");
            assertThat(browser.driver().getTitle()).startsWith("Error: Sign in");
            browser.checkPage("sign-in-errors");
        }
    }

    @Test
    void a_wrong_password_is_refused_without_saying_which_part_was_wrong(Api api) {
        Api.Login agency = api.newAccount("AGENCY_USER");
        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage page = SignInPage.open(browser).enterPassword(agency.username(), "not-" + agency.password());
            assertThat(page.errors()).containsExactly("Enter a correct username and password");
            assertThat(browser.path()).isEqualTo("/sign-in");
        }
    }
}
