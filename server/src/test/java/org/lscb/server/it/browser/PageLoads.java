package org.lscb.server.it.browser;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Submitting a form and waiting until the browser shows the page that answered it: a click can return while
 * the old page is still shown, so the page objects mark the old page and wait until a loaded page without the
 * mark is shown (an observable outcome, not a sleep).
 */
public final class PageLoads {

    private PageLoads() {}

    static void submit(Browser browser, WebElement button) {
        waitingForNextPage(browser, button::click);
    }

    /** Does {@code action}, which leaves the page, and waits until the next page is shown. */
    public static void waitingForNextPage(Browser browser, Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.lscbOldPage = true;");
        action.run();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return window.lscbOldPage === undefined && document.readyState === 'complete'"
                                + " && document.querySelector('h1') !== null;")));
    }
}
