package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Asked of your organisation": the documents the boards have asked an agency for, with their due dates. */
public final class AskedOfYouPage {

    private final Browser browser;

    public AskedOfYouPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Asked of you" in the service navigation. */
    public static AskedOfYouPage openFromNavigation(Browser browser) {
        FormPost.clickAndWait(browser, By.linkText("Asked of you"));
        return new AskedOfYouPage(browser);
    }

    /** Each request as the person reads it: what, for which review, when due. */
    public List<String> requests() {
        return browser.findAll(By.cssSelector("main li.app-request")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Opens the documents of the review a request is for. */
    public ReviewDocumentsPage openReview(String reference) {
        FormPost.clickAndWait(browser, By.linkText(reference));
        return new ReviewDocumentsPage(browser);
    }
}
