package org.lscb.server.it.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A review's page as a person sees it: its summary, the SCR decision, the clocks timeline and the appointments. */
public final class ReviewPage {

    private final Browser browser;

    public ReviewPage(Browser browser) {
        this.browser = browser;
    }

    public static ReviewPage open(Browser browser, String reviewId) {
        browser.go("/reviews/" + reviewId);
        return new ReviewPage(browser);
    }

    /** Opens a review from the dashboard by its reference. */
    public static ReviewPage openFromDashboard(Browser browser, String reference) {
        FormPost.clickAndWait(browser, By.linkText(reference));
        return new ReviewPage(browser);
    }

    /** The value of the summary's row with this key, as shown. */
    public String summary(String key) {
        return row(browser.find(By.cssSelector("main .govuk-summary-list")), key)
                .orElseThrow();
    }

    /** The heading of the success banner, if the page shows one. */
    public Optional<String> banner() {
        return browser
                .findAll(By.cssSelector(".govuk-notification-banner--success .govuk-notification-banner__heading"))
                .stream()
                .map(WebElement::getText)
                .findFirst();
    }

    /** The texts of the links under "What you can do". */
    public List<String> links() {
        return browser.findAll(By.cssSelector("main .govuk-grid-column-one-third a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String linkTarget(String text) {
        return browser.find(By.linkText(text))
                .getAttribute("href")
                .substring(browser.baseUrl().length());
    }

    public boolean offersToRecordTheDecision() {
        return !browser.findAll(By.linkText("Record the SCR decision")).isEmpty();
    }

    public ScrDecisionPage recordTheDecision() {
        FormPost.clickAndWait(browser, By.linkText("Record the SCR decision"));
        return new ScrDecisionPage(browser);
    }

    /** The value of a row of the recorded SCR decision. */
    public String decision(String key) {
        WebElement list = browser.find(
                By.xpath(
                        "//h2[normalize-space()='SCR decision']/following-sibling::dl[contains(@class,'govuk-summary-list')][1]"));
        return row(list, key).orElseThrow();
    }

    /** The clock cards' titles, in the order the page lists them (the order they fall due). */
    public List<String> clockTitles() {
        return browser.findAll(By.cssSelector(".app-clock-timeline .govuk-summary-card__title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The value of a row of a clock's card, such as "Due" or "State". */
    public String clock(String title, String key) {
        return row(card(title), key).orElseThrow(() -> new AssertionError("no row " + key + " for " + title));
    }

    /** Every "Paused" row of a clock's card. */
    public List<String> pauses(String title) {
        return card(title).findElements(By.cssSelector(".govuk-summary-list__row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".govuk-summary-list__key"))
                        .getText()
                        .equals("Paused"))
                .map(r -> r.findElement(By.cssSelector(".govuk-summary-list__value"))
                        .getText())
                .toList();
    }

    /** Follows a clock card's "Pause" link to the pause form. */
    public ClockPage pauseClock(String title) {
        browser.leavingThePage(
                () -> card(title).findElement(By.partialLinkText("Pause")).click());
        return new ClockPage(browser);
    }

    public boolean offersToPause(String title) {
        return !card(title).findElements(By.partialLinkText("Pause")).isEmpty();
    }

    private WebElement card(String title) {
        return browser.findAll(By.cssSelector(".app-clock-timeline .govuk-summary-card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".govuk-summary-card__title"))
                        .getText()
                        .equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + title + " on " + browser.path()));
    }

    private static Optional<String> row(WebElement list, String key) {
        return list.findElements(By.cssSelector(".govuk-summary-list__row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".govuk-summary-list__key"))
                        .getText()
                        .equals(key))
                .map(r -> r.findElement(By.cssSelector(".govuk-summary-list__value"))
                        .getText())
                .findFirst();
    }
}
