package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The actions a person follows: their organisation's, or their board's, each a card titled with what is to change. */
public final class ActionsPage {

    private final Browser browser;

    public ActionsPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Actions" in the service navigation. */
    public static ActionsPage openFromNavigation(Browser browser) {
        FormPost.clickAndWait(browser, By.linkText("Actions"));
        return new ActionsPage(browser);
    }

    /** The titles of the cards: what each action is to change. */
    public List<String> changes() {
        return browser.findAll(By.cssSelector("main .govuk-summary-card__title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Opens the action whose card is titled {@code change}. */
    public ActionProgressPage open(String change) {
        FormPost.clickAndWait(
                browser,
                By.xpath("//div[contains(@class,'govuk-summary-card')][.//h2[normalize-space()=\"" + change
                        + "\"]]//a[starts-with(normalize-space(),'Open')]"));
        return new ActionProgressPage(browser);
    }
}
