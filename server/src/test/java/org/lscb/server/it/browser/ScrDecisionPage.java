package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The SCR decision form: the criteria questions of regulation 5(2), the Chair's decision and reason. */
public final class ScrDecisionPage {

    private final Browser browser;

    public ScrDecisionPage(Browser browser) {
        this.browser = browser;
    }

    public static ScrDecisionPage open(Browser browser, String reviewId) {
        browser.go("/reviews/" + reviewId + "/scr-decision");
        return new ScrDecisionPage(browser);
    }

    /** Answers "Is abuse or neglect of the child known or suspected?". */
    public ScrDecisionPage abuseOrNeglectKnownOrSuspected(boolean yes) {
        return choose("abuse", yes ? "yes" : "no");
    }

    public ScrDecisionPage childDied(boolean yes) {
        return choose("died", yes ? "yes" : "no");
    }

    public ScrDecisionPage seriouslyHarmed(boolean yes) {
        return choose("harmed", yes ? "yes" : "no");
    }

    /** Concern about how organisations worked together: YES, NO or UNCLEAR. */
    public ScrDecisionPage concernAboutWorkingTogether(String answer) {
        return choose("concern", answer);
    }

    public ScrDecisionPage diedInCustody(boolean yes) {
        return choose("custody", yes ? "yes" : "no");
    }

    /** The Chair's decision: COMMISSION_SCR, MANAGEMENT_REVIEW or NO_REVIEW. */
    public ScrDecisionPage decision(String kind) {
        return choose("decision", kind);
    }

    public ScrDecisionPage reason(String text) {
        browser.find(By.id("reason")).clear();
        browser.find(By.id("reason")).sendKeys(text);
        return this;
    }

    public ScrDecisionPage decidedOn(java.time.LocalDate day) {
        type("decided-on-day", String.valueOf(day.getDayOfMonth()));
        type("decided-on-month", String.valueOf(day.getMonthValue()));
        type("decided-on-year", String.valueOf(day.getYear()));
        return this;
    }

    public ScrDecisionPage clearDecidedOn() {
        type("decided-on-day", "");
        type("decided-on-month", "");
        type("decided-on-year", "");
        return this;
    }

    /** Presses "Record the decision"; the browser is then on the review page, or on this form with errors. */
    public void record() {
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
    }

    /** The messages of the error summary. */
    public List<String> errors() {
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The error message shown at a question, by its field name. */
    public String errorAt(String field) {
        return browser.find(By.id(field + "-error")).getText().replaceFirst("^Error:\\s*", "");
    }

    /** What the warning says about when an SCR is mandatory. */
    public String warning() {
        return browser.find(By.cssSelector(".govuk-warning-text__text")).getText();
    }

    private ScrDecisionPage choose(String name, String value) {
        browser.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .click();
        return this;
    }

    private void type(String id, String text) {
        WebElement e = browser.find(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
