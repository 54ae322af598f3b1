package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reviewer's page: their profile and evidence, and, opened for a review, the independence check and the
 * form that appoints them.
 */
public final class ReviewerPage {

    private final Browser browser;

    public ReviewerPage(Browser browser) {
        this.browser = browser;
    }

    /** Each reason the reviewer is not independent of the review, as the page words it. */
    public List<String> conflicts() {
        return browser.findAll(By.cssSelector("main li[id^='conflict-']")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String independence() {
        return browser.find(By.id("independence"))
                .findElement(By.xpath("following-sibling::*[1]"))
                .getText();
    }

    /** Appoints them without choosing a role. */
    public void appointWithoutRole() {
        browser.leavingThePage(browser.find(By.xpath("//main//button[normalize-space()='Appoint']"))::click);
    }

    /** Chooses the role ("Lead reviewer", "Panel member") and appoints them, with the Chair's reason if any. */
    public void appointAs(String role, String chairsReason) {
        browser.find(By.xpath("//main//label[normalize-space()='" + role + "']"))
                .click();
        if (chairsReason != null) {
            browser.find(By.id("overrideReason")).sendKeys(chairsReason);
        }
        browser.leavingThePage(browser.find(By.xpath("//main//button[normalize-space()='Appoint']"))::click);
    }

    public boolean offersChairsOverride() {
        return !browser.findAll(By.id("overrideReason")).isEmpty();
    }

    /** The messages of the error summary at the top of the page. */
    public List<String> errors() {
        return ErrorSummary.of(browser);
    }

    /** The state of a piece of evidence, by its title: its tag ("Verified") and its words. */
    public String evidence(String title) {
        return evidenceBlock(title).getText();
    }

    public String evidenceTag(String title) {
        return evidenceBlock(title).findElement(By.cssSelector(".govuk-tag")).getText();
    }

    /** Verifies a piece of evidence, with a note of what was checked. */
    public void verify(String title, String note) {
        decide(title, "Verify it", note);
    }

    /** Withdraws a verification, with the reason (which may be empty, to see it refused). */
    public void withdraw(String title, String reason) {
        decide(title, "Withdraw the verification", reason);
    }

    /** Saves the decision form of a piece of evidence without choosing anything. */
    public void saveWithoutDeciding(String title) {
        browser.leavingThePage(
                evidenceBlock(title).findElement(By.xpath(".//button[normalize-space()='Save decision']"))::click);
    }

    public String fieldError(String id) {
        return browser.find(By.id(id + "-error")).getText();
    }

    public String banner() {
        return browser.find(By.cssSelector(".govuk-notification-banner")).getText();
    }

    public List<String> tags() {
        return browser.findAll(By.cssSelector("main h1 ~ p .govuk-tag")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void decide(String title, String choice, String note) {
        WebElement block = evidenceBlock(title);
        WebElement label = block.findElement(By.xpath(".//label[starts-with(normalize-space(), '" + choice + "')]"));
        label.click();
        if (!browser.find(By.id(label.getAttribute("for"))).isSelected()) {
            throw new AssertionError("could not choose " + choice);
        }
        if (note != null) {
            block.findElement(By.cssSelector("textarea[name=note]")).sendKeys(note);
        }
        browser.leavingThePage(block.findElement(By.xpath(".//button[normalize-space()='Save decision']"))::click);
    }

    private WebElement evidenceBlock(String title) {
        return browser.find(
                By.xpath("//main//div[contains(@class,'app-evidence')][.//h3[contains(., '" + title + "')]]"));
    }
}
