package org.lscb.server.it.browser;

import org.openqa.selenium.By;

/** One action, and the form on which its owner (or the board's officer) reports where it stands and its impact. */
public final class ActionProgressPage extends FormPage {

    public ActionProgressPage(Browser browser) {
        super(browser);
    }

    /** Ticks a status by its code: NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE. */
    public ActionProgressPage status(String code) {
        choose("status", code);
        return this;
    }

    public ActionProgressPage evidenceNote(String text) {
        type("evidenceNote", text);
        return this;
    }

    public ActionProgressPage evidenceDocument(String documentId) {
        select("evidenceDocumentId", documentId);
        return this;
    }

    /** The action's summary as the person reads it. */
    public String summary() {
        return browser.find(By.cssSelector("main .govuk-summary-card")).getText();
    }

    public String banner() {
        return browser.find(By.cssSelector(".govuk-notification-banner")).getText();
    }
}
