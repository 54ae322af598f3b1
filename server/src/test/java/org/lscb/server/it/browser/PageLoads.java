package org.lscb.server.it.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Submitting a form and waiting until the browser shows the page that answered it: a click can return while
 * the old page is still shown, so the page objects wait for it to go (an observable outcome, not a sleep).
 */
public final class PageLoads {

    private PageLoads() {}

    static void submit(Browser browser, WebElement button) {
        waitingForNextPage(browser, button::click);
    }

    /** Does {@code action}, which leaves the page, and waits until the next page is shown. */
    public static void waitingForNextPage(Browser browser, Runnable action) {
        WebElement old = browser.find(By.tagName("html"));
        action.run();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(old));
    }
}
