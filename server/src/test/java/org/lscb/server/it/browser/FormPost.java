package org.lscb.server.it.browser;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A form post the pages would not offer, sent from the browser's own session with its own CSRF token (read from
 * the sign-out form every signed-in page has): what a person who guessed a path could send. The refusal tests
 * use it to show that a refused post changes nothing.
 */
public final class FormPost {

    private FormPost() {}

    /** Posts {@code fields} (and the session's CSRF token) to {@code path} from the page the browser is on. */
    public static void send(Browser browser, String path, Map<String, String> fields) {
        WebElement before = browser.find(By.tagName("html"));
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const f = document.createElement('form');"
                                + "f.method = 'post'; f.action = arguments[0];"
                                + "const add = (n, v) => { const i = document.createElement('input');"
                                + " i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); };"
                                + "add('csrf', document.querySelector(\"form[action='/sign-out'] input[name=csrf]\").value);"
                                + "for (const [n, v] of Object.entries(arguments[1])) { add(n, v); }"
                                + "document.body.appendChild(f); f.submit();",
                        path,
                        fields);
        // the script returns before the answer arrives: wait for the page it replaces to go
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(before));
    }
}
