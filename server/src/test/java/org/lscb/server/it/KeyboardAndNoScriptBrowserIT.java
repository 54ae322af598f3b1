package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.FormPost;
import org.lscb.server.it.browser.Keyboard;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;

/**
 * The pages for people who do not use a mouse, and for browsers without JavaScript (GOV.UK Service Manual:
 * progressive enhancement): the same journey works with the keyboard alone, and with scripts switched off.
 */
@ExtendWith(SharedServer.class)
class KeyboardAndNoScriptBrowserIT {

    @Test
    void an_officer_signs_in_and_opens_a_review_with_the_keyboard_alone(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        String reviewId = world.openScr(3).getString("id");
        try (Browser browser = Browser.open(api.baseUrl())) {
            browser.go("/sign-in");
            Keyboard keys = new Keyboard(browser);

            keys.tab();
            assertThat(keys.focused().getText()).isEqualTo("Skip to main content");
            keys.enter();
            keys.tabUntil(e -> "username".equals(e.getAttribute("id")), 5);
            keys.type(world.officer().username());
            keys.tab();
            assertThat(keys.focused().getAttribute("id")).isEqualTo("password");
            keys.type(world.officer().password());
            keys.enterAndWaitForTheNextPage();

            assertThat(browser.path()).startsWith("/sign-in/code");
            keys.tabUntil(e -> "code".equals(e.getAttribute("id")), 10);
            keys.type(api.signInCode(world.officer().username()));
            keys.enterAndWaitForTheNextPage();

            assertThat(browser.heading()).isEqualTo("Reviews");
            keys.tabUntil(e -> ("/reviews/" + reviewId).equals(e.getDomAttribute("href")), 30);
            keys.enterAndWaitForTheNextPage();
            assertThat(browser.path()).isEqualTo("/reviews/" + reviewId);
        }
    }

    @Test
    void with_javascript_switched_off_an_agency_user_signs_in_sees_the_reviews_and_signs_out(Api api) {
        ReviewWorld world = ReviewWorld.create(api);
        world.openScr(3);
        try (Browser browser = Browser.withoutJavaScript(api.baseUrl())) {
            SignInPage.signIn(browser, world.police().username(), world.police().password(), () -> {
                throw new AssertionError("an agency user has no second factor");
            });
            assertThat(browser.heading()).isEqualTo("Reviews");
            assertThat(browser.find(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
            assertThat(browser.find(By.cssSelector("main table")).getText()).contains("Child A");
            FormPost.clickAndWait(browser, By.cssSelector("form[action='/sign-out'] button"));
            assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
        }
    }
}
