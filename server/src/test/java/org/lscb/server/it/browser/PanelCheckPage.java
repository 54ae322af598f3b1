package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The panel check of a review: whether the appointed reviewers meet the guidance, and what is still needed. */
public final class PanelCheckPage {

    private final Browser browser;

    public PanelCheckPage(Browser browser) {
        this.browser = browser;
    }

    public String verdict() {
        return browser.find(By.id("verdict")).getText();
    }

    /** The headings of what the panel still needs, in the page's order. */
    public List<String> stillNeeded() {
        return browser.findAll(By.cssSelector("main .app-needs h3")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String banner() {
        return browser.find(By.cssSelector(".govuk-notification-banner")).getText();
    }
}
