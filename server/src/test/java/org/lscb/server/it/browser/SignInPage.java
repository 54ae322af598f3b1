package org.lscb.server.it.browser;

import org.openqa.selenium.By;

/** The sign-in page and the security-code page after it, as a person sees them. */
public final class SignInPage {

    private final Browser browser;

    public SignInPage(Browser browser) {
        this.browser = browser;
    }

    public static SignInPage open(Browser browser) {
        browser.go("/sign-in");
        return new SignInPage(browser);
    }

    /** Types the username and password and continues. */
    public SignInPage enterPassword(String username, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password);
        FormPost.clickAndWait(browser, By.cssSelector("main button[type=submit]"));
        return this;
    }

    /** Types the code from the authenticator app and signs in. */
    public SignInPage enterCode(String code) {
        browser.find(By.id("code")).sendKeys(code);
        FormPost.clickAndWait(browser, By.cssSelector("main button[type=submit]"));
        return this;
    }

    /** Signs in with a password and, where the account has one, the next one-time code. */
    public static void signIn(
            Browser browser, String username, String password, java.util.function.Supplier<String> code) {
        SignInPage page = open(browser).enterPassword(username, password);
        if (browser.path().startsWith("/sign-in/code")) {
            page.enterCode(code.get());
        }
    }

    /** The messages of the error summary at the top of the page. */
    public java.util.List<String> errors() {
        return browser.findAll(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(e -> e.getText())
                .toList();
    }
}
