package org.lscb.server.it.browser;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Sending forms from a test: clicking a page's own button and waiting for the answer, and a form the page does
 * not offer, sent from a page of the signed-in session with that session's CSRF token,
 * as someone editing the page would: for checking that the server, not the page, refuses it.
 */
public final class FormPost {

    private FormPost() {}

    /**
     * Clicks what sends a form or follows a link, and returns once the next page has replaced this one, so
     * that what the test reads next is on the new page.
     */
    public static void clickAndWait(Browser browser, By what) {
        browser.leavingThePage(() -> browser.find(what).click());
    }

    /** From the page the browser is on (one with the sign-out form), posts {@code fields} to {@code path}. */
    public static void send(Browser browser, String path, Map<String, String> fields) {
        browser.leavingThePage(() -> ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                                + "var fields = arguments[1];"
                                + "var add = function (n, v) { var i = document.createElement('input');"
                                + " i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); };"
                                + "add('csrf', (document.querySelector(\"form[action='/sign-out'] input[name=csrf]\")"
                                + " || document.querySelector('input[name=csrf]')).value);"
                                + "Object.keys(fields).forEach(function (k) { add(k, fields[k]); });"
                                + "document.body.appendChild(f); f.submit();",
                        path,
                        fields));
    }
}
