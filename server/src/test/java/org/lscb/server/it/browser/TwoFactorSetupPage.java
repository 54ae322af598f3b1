package org.lscb.server.it.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Setting up two-factor sign-in after the password: the QR code and key, the code, the recovery codes. */
public final class TwoFactorSetupPage {

    private final Browser browser;

    public TwoFactorSetupPage(Browser browser) {
        this.browser = browser;
    }

    /** The set-up page, once the sign-in with a password has sent the browser there. */
    public static TwoFactorSetupPage afterPassword(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.urlContains("/sign-in/two-factor"));
        return new TwoFactorSetupPage(browser);
    }

    /** The key written under the QR code, as a person would type it into their app (no spaces). */
    public String key() {
        return browser.find(By.id("secret")).getText().replace(" ", "");
    }

    /** Whether the page shows a QR code, drawn in the page (an SVG image with a text alternative). */
    public boolean showsQrCode() {
        List<WebElement> svg = browser.findAll(By.cssSelector("#qr-code svg[role=img][aria-label]"));
        return !svg.isEmpty() && svg.get(0).isDisplayed();
    }

    /** Whether the QR code is drawn without inline style or script, which the CSP would refuse. */
    public boolean qrCodeHasNoInlineStyleOrScript() {
        return browser.findAll(By.cssSelector("#qr-code [style], #qr-code style, #qr-code script"))
                .isEmpty();
    }

    /** Types the code the app shows and continues. */
    public TwoFactorSetupPage enterCode(String code) {
        browser.find(By.id("code")).sendKeys(code);
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        return this;
    }

    /** The recovery codes shown once after the set-up. */
    public List<String> recoveryCodes() {
        return browser.findAll(By.cssSelector("#recovery-codes li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Says the codes are saved and goes on into the service. */
    public void continueAfterSavingCodes() {
        FormPost.clickAndWait(browser, By.partialLinkText("continue"));
    }
}
