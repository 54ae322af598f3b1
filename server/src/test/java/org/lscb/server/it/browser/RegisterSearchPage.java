package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Find a reviewer": the register's search box, its filters with their counts, and the reviewers found. */
public final class RegisterSearchPage {

    private final Browser browser;

    public RegisterSearchPage(Browser browser) {
        this.browser = browser;
    }

    /** Types words into the search box and searches. */
    public RegisterSearchPage searchFor(String words) {
        WebElement q = browser.find(By.id("q"));
        q.clear();
        q.sendKeys(words);
        browser.leavingThePage(browser.find(By.xpath("//main//button[normalize-space()='Search']"))::click);
        return this;
    }

    /** Ticks or unticks a filter by its label's start ("Health", "Independent of this review's organisations"). */
    public RegisterSearchPage toggleFilter(String labelStart) {
        filter(labelStart).click();
        browser.leavingThePage(browser.find(By.xpath("//main//button[normalize-space()='Apply filters']"))::click);
        return this;
    }

    public boolean filterTicked(String labelStart) {
        return read(
                () -> browser.find(By.id(label(labelStart).getAttribute("for"))).isSelected());
    }

    /** The whole label of a filter, with its count: "Health (1)". */
    public String filterLabel(String labelStart) {
        return read(() -> label(labelStart).getText().trim());
    }

    /** The names of the reviewers found, in order. */
    public List<String> reviewers() {
        return browser.findAll(By.cssSelector("main .app-results h3 a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String resultsHeading() {
        return browser.find(By.id("results")).getText();
    }

    /** The highlighted summary shown under a reviewer's name. */
    public WebElement highlightOf(String name) {
        return resultOf(name).findElement(By.cssSelector(".app-highlight"));
    }

    public WebElement resultOf(String name) {
        return browser.find(
                By.xpath("//main//ul[contains(@class,'app-results')]/li[.//h3/a[normalize-space()='" + name + "']]"));
    }

    /** Opens a reviewer found. */
    public ReviewerPage open(String name) {
        browser.leavingThePage(browser.find(By.linkText(name))::click);
        return new ReviewerPage(browser);
    }

    /** Reads the page, again if it was being replaced while read. */
    private <T> T read(java.util.function.Supplier<T> what) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> java.util.Optional.of(what.get()))
                .get();
    }

    private WebElement filter(String labelStart) {
        return browser.find(By.id(label(labelStart).getAttribute("for")));
    }

    private WebElement label(String labelStart) {
        return browser.find(By.xpath("//main//label[starts-with(normalize-space(), \"" + labelStart + "\")]"));
    }
}
