package org.lscb.server.it.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The error summary at the top of a form that was sent back, and each field's own message. */
public final class ErrorSummary {

    private ErrorSummary() {}

    /** The messages of the summary, in order, once the page that was sent back has one. */
    public static List<String> of(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary__list li")));
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(e -> e.getText())
                .toList();
    }

    /** The message shown beside the field with this id (without GOV.UK's hidden "Error:"). */
    public static String besideField(Browser browser, String fieldId) {
        return browser.find(By.id(fieldId + "-error")).getText().replaceFirst("^Error:\\s*", "");
    }
}
