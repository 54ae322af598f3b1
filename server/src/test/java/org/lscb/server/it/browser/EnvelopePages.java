package org.lscb.server.it.browser;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages that seal, open and grant in the browser, driven as a person would: choose files, type
 * passwords, press the button, then read what the page says once its script has finished (the confirmation
 * panel or the error summary of that part of the page, whichever appears).
 */
public final class EnvelopePages {

    /**
     * How long a script may work before the test gives up on it: a guard against a hang, not a measure of
     * speed (an RSA key is made and a document sealed in well under a second on any machine this runs on).
     */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final Browser browser;

    public EnvelopePages(Browser browser) {
        this.browser = browser;
    }

    /** Checks the page the browser is on (one h1, its title, no serious accessibility fault) and keeps a screenshot. */
    public void check(String name) {
        browser.checkPage(name);
    }

    /** What a part of a page said when its script finished: done (with the panel's text) or the problem's text. */
    public record Outcome(boolean done, String text) {}

    /** Adds a key file on "Your keys"; {@code board} for an officer's board key. */
    public Outcome useKeyFile(Path keyFile, String password, boolean board) {
        browser.go("/keys");
        WebElement form = visible("import-form");
        browser.find(By.id("key-file")).sendKeys(keyFile.toAbsolutePath().toString());
        browser.find(By.id("key-password")).sendKeys(password);
        if (board) {
            browser.find(By.id("purpose-board")).click();
        }
        form.findElement(By.id("import-button")).click();
        return outcome("keys");
    }

    /** Makes a key in the browser on "Your keys", with the password for its copy; answers the outcome. */
    public Outcome makeKey(String password, boolean keepBackup) {
        browser.go("/keys");
        visible("make-form");
        browser.find(By.id("new-password")).sendKeys(password);
        if (keepBackup) {
            browser.find(By.id("keep-backup")).click();
        }
        browser.find(By.id("make-button")).click();
        return outcome("keys");
    }

    /** Saves the key file the page offered after making a key, and answers its bytes. */
    public byte[] savedKeyFile() {
        return download(browser.find(By.id("saved-key-link")));
    }

    /** Restores the key from the copy kept on the service. */
    public Outcome restoreKey(String password) {
        browser.go("/keys");
        visible("restore-form");
        browser.find(By.id("restore-password")).sendKeys(password);
        browser.find(By.id("restore-button")).click();
        return outcome("keys");
    }

    /** Sends a file on the review's "Send a document" page. */
    public Outcome send(String reviewId, String type, String title, Path file) {
        browser.go("/reviews/" + reviewId + "/send");
        visible("send-form");
        new Select(browser.find(By.id("type"))).selectByValue(type);
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.id("send-button")).click();
        return outcome("send");
    }

    /** Opens a document on its "Open" page; a page the person may not see answers its heading as the problem. */
    public Outcome open(String documentId) {
        browser.go("/documents/" + documentId + "/open");
        if (browser.findAll(By.id("open-form")).isEmpty()) {
            return new Outcome(false, browser.heading());
        }
        visible("open-form");
        browser.find(By.id("open-button")).click();
        return outcome("open");
    }

    /** Whether the opened document is offered to save (only after every check passed). */
    public boolean offersTheDocument() {
        return browser.find(By.id("opened")).isDisplayed()
                && browser.find(By.id("save-link")).getAttribute("href").startsWith("blob:");
    }

    /** Saves the opened document as a person would, with the page's "Save" link, and answers the saved bytes. */
    public byte[] openedDocument() {
        return download(browser.find(By.id("save-link")));
    }

    /** The name the opened document is offered under. */
    public String savedName() {
        return browser.find(By.id("save-link")).getAttribute("download");
    }

    public String signerName() {
        return browser.find(By.id("signer-name")).getText();
    }

    /** Sends a signed receipt for the document just opened. */
    public Outcome sendReceipt() {
        browser.find(By.id("receipt-button")).click();
        new WebDriverWait(browser.driver(), GIVE_UP)
                .until(d -> d.findElement(By.id("receipt-done")).isDisplayed()
                        || d.findElement(By.id("receipt-problem")).isDisplayed());
        boolean done = browser.find(By.id("receipt-done")).isDisplayed();
        return new Outcome(
                done,
                browser.find(By.id(done ? "receipt-done-text" : "receipt-problem-text"))
                        .getText());
    }

    /** Gives the newcomers access on the review's "Give access to documents" page. */
    public Outcome grant(String reviewId) {
        browser.go("/reviews/" + reviewId + "/access");
        visible("grant-form");
        browser.find(By.id("grant-button")).click();
        return outcome("grant");
    }

    private WebElement visible(String id) {
        return new WebDriverWait(browser.driver(), GIVE_UP).until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e : null;
        });
    }

    private Outcome outcome(String part) {
        new WebDriverWait(browser.driver(), GIVE_UP)
                .until(d -> d.findElement(By.id(part + "-done")).isDisplayed()
                        || d.findElement(By.id(part + "-problem")).isDisplayed());
        boolean done = browser.find(By.id(part + "-done")).isDisplayed();
        return new Outcome(
                done,
                browser.find(By.id(part + (done ? "-done-text" : "-problem-text")))
                        .getText());
    }

    /**
     * Clicks a download link and answers the file the browser saved, in a folder of this page's own (Chromium's
     * download behaviour set through the DevTools protocol, as headless Chromium asks nobody where to save).
     */
    private byte[] download(WebElement link) {
        try {
            Path folder = java.nio.file.Files.createTempDirectory("lscb-downloads");
            ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            java.util.Map.of("behavior", "allow", "downloadPath", folder.toString()));
            String name = link.getAttribute("download");
            link.click();
            Path saved = folder.resolve(name);
            new WebDriverWait(browser.driver(), GIVE_UP)
                    .until(d -> java.nio.file.Files.exists(saved)
                            && !java.nio.file.Files.exists(folder.resolve(name + ".crdownload")));
            return java.nio.file.Files.readAllBytes(saved);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
