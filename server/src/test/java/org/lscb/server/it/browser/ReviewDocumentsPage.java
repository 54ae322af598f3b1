package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A review's documents: what was asked for, and each document with its recipients' acknowledgements. */
public final class ReviewDocumentsPage {

    private final Browser browser;

    public ReviewDocumentsPage(Browser browser) {
        this.browser = browser;
    }

    public static ReviewDocumentsPage open(Browser browser, String reviewId) {
        browser.go("/reviews/" + reviewId + "/documents");
        return new ReviewDocumentsPage(browser);
    }

    /** The rows of the "asked for" table, one text per request. */
    public List<String> askedFor() {
        return rowsOf(browser.findAll(By.cssSelector("main table")).stream()
                .filter(t -> t.findElement(By.tagName("caption")).getText().contains("Documents asked for"))
                .findFirst()
                .orElseThrow());
    }

    /** The card of the document with this title: its type, marking, version, sender and date. */
    public String document(String title) {
        return browser.findAll(By.cssSelector("main .app-document")).stream()
                .filter(d -> d.findElement(By.cssSelector(".govuk-summary-card__title"))
                        .getText()
                        .equals(title))
                .findFirst()
                .orElseThrow()
                .getText();
    }

    /** The recipients of the document with this title, each with when they acknowledged it. */
    public List<String> recipientsOf(String title) {
        return rowsOf(browser.findAll(By.cssSelector("main table")).stream()
                .filter(t -> t.findElement(By.tagName("caption")).getText().equals("Recipients of " + title))
                .findFirst()
                .orElseThrow());
    }

    public String banner() {
        return browser.find(By.cssSelector(".govuk-notification-banner")).getText();
    }

    /** Follows "Ask for a document". */
    public AskForADocumentPage askForADocument() {
        FormPost.clickAndWait(browser, By.linkText("Ask for a document"));
        return new AskForADocumentPage(browser);
    }

    static List<String> rowsOf(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
