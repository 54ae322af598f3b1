package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What every form page lets a person do: type, tick, choose, send, and read the errors it shows. */
abstract class FormPage {

    protected final Browser browser;

    FormPage(Browser browser) {
        this.browser = browser;
    }

    protected void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    protected void choose(String name, String value) {
        browser.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .click();
    }

    protected void select(String id, String value) {
        new Select(browser.find(By.id(id))).selectByValue(value);
    }

    protected void date(String prefix, java.time.LocalDate date) {
        type(prefix + "-day", Integer.toString(date.getDayOfMonth()));
        type(prefix + "-month", Integer.toString(date.getMonthValue()));
        type(prefix + "-year", Integer.toString(date.getYear()));
    }

    protected void date(String prefix, String day, String month, String year) {
        type(prefix + "-day", day);
        type(prefix + "-month", month);
        type(prefix + "-year", year);
    }

    /** Sends the form with its main button, and waits until the next page has replaced this one. */
    public void send() {
        browser.leavingThePage(() ->
                browser.find(By.cssSelector("main form button[type=submit]")).click());
    }

    /** The messages of the error summary at the top of the page. */
    public List<String> errors() {
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The error message shown at the field with {@code id}, without the hidden "Error:". */
    public String fieldError(String id) {
        return browser.find(By.id(id + "-error")).getText().replaceFirst("^Error:\\s*", "");
    }

    /** The options the select with {@code id} offers, by their text. */
    public List<String> options(String id) {
        return new Select(browser.find(By.id(id)))
                .getOptions().stream().map(WebElement::getText).toList();
    }
}
