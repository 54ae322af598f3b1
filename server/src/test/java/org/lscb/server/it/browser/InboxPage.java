package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;

/** The inbox: documents addressed to the person, when each arrived and when they acknowledged it. */
public final class InboxPage {

    private final Browser browser;

    public InboxPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Inbox" in the service navigation. */
    public static InboxPage openFromNavigation(Browser browser) {
        FormPost.clickAndWait(browser, By.linkText("Inbox"));
        return new InboxPage(browser);
    }

    public static InboxPage open(Browser browser) {
        browser.go("/inbox");
        return new InboxPage(browser);
    }

    /** One row per document: title, type, review, received, acknowledged. */
    public List<String> documents() {
        return browser.findAll(By.cssSelector("main table tbody tr")).stream()
                .map(r -> r.getText())
                .toList();
    }

    /** The cells of the row of the document with this title. */
    public List<String> row(String title) {
        return browser.findAll(By.cssSelector("main table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().startsWith(title))
                .findFirst()
                .orElseThrow()
                .findElements(By.cssSelector("th, td"))
                .stream()
                .map(c -> c.getText())
                .toList();
    }
}
