package org.lscb.server.it.browser;

import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A person using the keyboard alone: Tab moves the focus, Enter follows a link or sends a form. */
public final class Keyboard {

    private final Browser browser;

    public Keyboard(Browser browser) {
        this.browser = browser;
    }

    public void tab() {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }

    public void enter() {
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    }

    /** Presses Enter to send a form or follow a link, and returns once the next page has replaced this one. */
    public void enterAndWaitForTheNextPage() {
        browser.leavingThePage(this::enter);
    }

    public void type(String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    public WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted; fails after {@code most} presses. */
    public WebElement tabUntil(Predicate<WebElement> wanted, int most) {
        for (int i = 0; i < most; i++) {
            tab();
            WebElement now = focused();
            if (wanted.test(now)) {
                return now;
            }
        }
        throw new AssertionError("the element wanted was not reached with " + most + " presses of Tab; focus is on "
                + focused().getTagName() + " " + focused().getText());
    }
}
