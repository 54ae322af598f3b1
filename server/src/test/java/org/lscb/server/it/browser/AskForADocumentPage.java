package org.lscb.server.it.browser;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The form on which an officer asks one of a review's organisations for a document by a date. */
public final class AskForADocumentPage {

    private final Browser browser;

    public AskForADocumentPage(Browser browser) {
        this.browser = browser;
    }

    public static AskForADocumentPage open(Browser browser, String reviewId) {
        browser.go("/reviews/" + reviewId + "/requests/new");
        return new AskForADocumentPage(browser);
    }

    public AskForADocumentPage chooseOrganisation(String name) {
        new Select(browser.find(By.id("organisationId"))).selectByVisibleText(name);
        return this;
    }

    public AskForADocumentPage chooseDocument(String label) {
        browser.find(By.xpath("//label[normalize-space()='" + label + "']")).click();
        return this;
    }

    public AskForADocumentPage dueOn(LocalDate day) {
        type("dueOn-day", String.valueOf(day.getDayOfMonth()));
        type("dueOn-month", String.valueOf(day.getMonthValue()));
        type("dueOn-year", String.valueOf(day.getYear()));
        return this;
    }

    public AskForADocumentPage note(String text) {
        type("note", text);
        return this;
    }

    /** Sends the request; the browser is on the review's documents page after it, or on the form with its errors. */
    public void send() {
        FormPost.clickAndWait(browser, By.xpath("//main//button[normalize-space()='Send request']"));
    }

    /** The messages of the error summary. */
    public List<String> errors() {
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(e -> e.getText())
                .toList();
    }

    /** The message shown at a field, by the field's id. */
    public String errorAt(String fieldId) {
        return browser.find(By.id(fieldId + "-error")).getText();
    }

    private void type(String id, String text) {
        browser.find(By.id(id)).clear();
        browser.find(By.id(id)).sendKeys(text);
    }
}
