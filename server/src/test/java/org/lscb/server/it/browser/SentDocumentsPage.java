package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;

/** "Sent documents": what the person's organisation sent, with each recipient's acknowledgement. */
public final class SentDocumentsPage {

    private final Browser browser;

    public SentDocumentsPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Sent documents" in the service navigation. */
    public static SentDocumentsPage openFromNavigation(Browser browser) {
        FormPost.clickAndWait(browser, By.linkText("Sent documents"));
        return new SentDocumentsPage(browser);
    }

    /** The titles of the documents, newest first. */
    public List<String> titles() {
        return browser.findAll(By.cssSelector("main .govuk-summary-card__title")).stream()
                .map(e -> e.getText())
                .toList();
    }

    /** The recipients of the document with this title, each with when they acknowledged it. */
    public List<String> recipientsOf(String title) {
        return ReviewDocumentsPage.rowsOf(browser.findAll(By.cssSelector("main table")).stream()
                .filter(t -> t.findElement(By.tagName("caption")).getText().equals("Recipients of " + title))
                .findFirst()
                .orElseThrow());
    }
}
