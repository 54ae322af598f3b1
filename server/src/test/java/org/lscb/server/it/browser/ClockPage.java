package org.lscb.server.it.browser;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The form that pauses (with a reason) or resumes a statutory clock. */
public final class ClockPage {

    private final Browser browser;

    public ClockPage(Browser browser) {
        this.browser = browser;
    }

    public static ClockPage openPause(Browser browser, String reviewId, String clock) {
        browser.go("/reviews/" + reviewId + "/clocks/" + clock + "/pause");
        return new ClockPage(browser);
    }

    public ClockPage on(LocalDate day) {
        return on(
                String.valueOf(day.getDayOfMonth()),
                String.valueOf(day.getMonthValue()),
                String.valueOf(day.getYear()));
    }

    /** Types a date as a person might, right or wrong. */
    public ClockPage on(String day, String month, String year) {
        type("on-day", day);
        type("on-month", month);
        type("on-year", year);
        return this;
    }

    public ClockPage reason(String text) {
        type("reason", text);
        return this;
    }

    /** Presses the form's button; the browser is then on the review page, or on this form with errors. */
    public void submit() {
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
    }

    public List<String> errors() {
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String errorAt(String field) {
        return browser.find(By.id(field + "-error")).getText().replaceFirst("^Error:\\s*", "");
    }

    private void type(String id, String text) {
        WebElement e = browser.find(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
