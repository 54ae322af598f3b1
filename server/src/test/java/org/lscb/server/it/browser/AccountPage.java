package org.lscb.server.it.browser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The accounts list, the form to add an account, one account's page, and the two-factor reset it offers. */
public final class AccountPage {

    private final Browser browser;

    public AccountPage(Browser browser) {
        this.browser = browser;
    }

    public static AccountPage openList(Browser browser) {
        browser.go("/admin");
        FormPost.clickAndWait(browser, By.linkText("See the accounts"));
        return new AccountPage(browser);
    }

    public AccountPage startAdding() {
        FormPost.clickAndWait(browser, By.linkText("Add an account"));
        return this;
    }

    /** Fills in the add form and sends it; empty values and no roles leave those answers out. */
    public AccountPage add(
            String username, String fullName, List<String> rolesInWords, String organisation, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("displayName")).clear();
        browser.find(By.id("displayName")).sendKeys(fullName);
        for (String role : rolesInWords) {
            browser.find(By.xpath("//label[normalize-space()=\"" + role + "\"]"))
                    .click();
        }
        if (organisation != null) {
            new Select(browser.find(By.id("organisationId"))).selectByVisibleText(organisation);
        }
        browser.find(By.id("password")).sendKeys(password);
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        return this;
    }

    /** Opens an account from the list by its username (on the list's first page). */
    public AccountPage open(String username) {
        FormPost.clickAndWait(browser, By.linkText(username));
        return this;
    }

    /** The open account's summary: each row's key and value. */
    public Map<String, String> summary() {
        return browser.findAll(By.cssSelector("#account .govuk-summary-list__row")).stream()
                .collect(Collectors.toMap(
                        r -> r.findElement(By.cssSelector("dt")).getText(),
                        r -> r.findElement(By.cssSelector("dd")).getText()));
    }

    public String successMessage() {
        return browser.find(By.cssSelector(".govuk-notification-banner__heading"))
                .getText();
    }

    /** Asks to reset the open account's two-factor sign-in: the page that asks to confirm. */
    public AccountPage askToResetTwoFactor() {
        FormPost.clickAndWait(browser, By.linkText("Reset two-factor sign-in"));
        return this;
    }

    /** Confirms the reset. */
    public AccountPage confirmReset() {
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        return this;
    }

    public List<String> usernamesListed() {
        return browser.findAll(By.cssSelector("main table tbody th")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
