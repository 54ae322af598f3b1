package org.lscb.server.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (nothing downloads a browser), opening
 * the pages of the real bundle. Each test has its own browser and profile, so no cookie crosses tests.
 * Every page a journey opens goes through {@link #checkPage}: its title and heading, and axe-core's
 * accessibility rules (WCAG 2.2 A and AA) with no serious or critical violation.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final String baseUrl;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(String baseUrl, boolean javaScript) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("lscb-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024",
                "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser with JavaScript on, as most people have it. */
    public static Browser open(String baseUrl) {
        return new Browser(baseUrl, true);
    }

    /** A browser with JavaScript switched off: every page must still work (progressive enhancement). */
    public static Browser withoutJavaScript(String baseUrl) {
        return new Browser(baseUrl, false);
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Goes to a path of the service. */
    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /** The path (and query) the browser is on now. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /**
     * Checks the page the browser is on: its title is "&lt;h1&gt; – service name" (with "Error: " before it
     * when the page reports an error), it has one h1, and axe-core finds no serious or critical violation.
     * Saves a screenshot under {@code target/screenshots/<name>.png}.
     */
    public void checkPage(String name) {
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        assertThat(h1).as("one h1 on " + path()).hasSize(1);
        assertThat(driver.getTitle())
                .as("title of " + path())
                .contains(h1.get(0).getText().trim());
        assertThat(driver.getTitle()).endsWith("– LSCB review exchange");
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(bad)
                .as("axe-core on " + path() + ": "
                        + bad.stream()
                                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
        screenshot(name);
    }

    /** A screenshot of the whole page under {@code target/screenshots}, for the README and for a failing journey. */
    public Path screenshot(String name) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // the whole page, not only what fits the window: grow the window to the page's height for the shot
            Object height = driver.executeScript("return document.documentElement.scrollHeight");
            if (height instanceof Number h && h.intValue() > window.getHeight()) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), h.intValue()));
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Does {@code action}, which leaves the page (a link, a form's button), and returns once the next page is shown. */
    public void leavingThePage(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        awaitNextPage(page);
    }

    /**
     * Waits until {@code oldPage} (an element of the page the browser was on, such as its html element) is gone:
     * the next page has replaced it. Chromium reports a node of a page already left either as stale or, in some
     * versions, as "not belonging to the document"; both mean the same here.
     */
    private void awaitNextPage(WebElement oldPage) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException detached) {
                return String.valueOf(detached.getMessage()).contains("does not belong to the document");
            }
        });
    }

    /** The value of a cookie the browser holds for the service, or null. */
    public org.openqa.selenium.Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
