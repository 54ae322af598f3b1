package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.library.TestReports;
import org.lscb.server.it.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The publication and the public library in a real browser without JavaScript [11]: the officer uploads the report
 * and the response through the form (the browser sends the CSRF token first), is refused with the findings when the
 * report holds a postcode, publishes the cleaned report, and a reader who is not signed in finds it by a word and a
 * theme filter and opens its page with the download links. Each page passes the axe-core check.
 */
@ExtendWith(SharedServer.class)
class LibraryBrowserIT {

    @Test
    void an_officer_publishes_through_the_form_and_a_reader_finds_the_report_without_signing_in(Api api)
            throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String review = w.openScr(200).getString("id");
        String marker = "zq" + Api.unique().replaceAll("[0-9]", "w");
        Path dir = Files.createTempDirectory("library-it");
        Path dirty = Files.write(dir.resolve("dirty.pdf"), TestReports.pdf(PublicationIT.page2(marker, "NE1 4ST")));
        Path clean = Files.write(dir.resolve("clean.pdf"), TestReports.pdf(PublicationIT.page2(marker, "the town")));
        Path response =
                Files.write(dir.resolve("response.docx"), TestReports.docx(List.of("The board accepts the findings.")));

        try (Browser browser = Browser.withoutJavaScript(api.baseUrl())) {
            FindLeadReviewerBrowserIT.signIn(browser, api, w.officer());
            browser.go("/reviews/" + review);
            browser.leavingThePage(
                    () -> browser.find(By.linkText("Publish the final report")).click());
            assertThat(browser.heading()).isEqualTo("Publish the final report");
            browser.checkPage("publication-form");

            fill(browser, dirty, response);
            assertThat(browser.heading()).isEqualTo("Publish the final report");
            String refused = browser.find(By.tagName("main")).getText();
            assertThat(refused).contains("Personal data found", "[postcode]").doesNotContain("NE1 4ST");
            browser.checkPage("publication-refused");

            fill(browser, clean, response);
            assertThat(browser.path()).startsWith("/library/");
            String reportPath = browser.path();

            browser.driver().manage().deleteAllCookies();
            browser.go("/library");
            assertThat(browser.heading()).isEqualTo("Library of published reviews");
            browser.find(By.id("q")).sendKeys(marker);
            browser.leavingThePage(() -> browser.find(By.xpath("//button[normalize-space()='Search']"))
                    .click());
            browser.find(By.cssSelector("input[name=theme][value=neglect]")).click();
            browser.leavingThePage(() -> browser.find(By.xpath("//button[normalize-space()='Apply filters']"))
                    .click());
            assertThat(browser.find(By.id("results")).getText()).isEqualTo("1 report found");
            assertThat(browser.find(By.cssSelector(".app-highlight mark")).getText())
                    .isEqualTo(marker);
            browser.checkPage("library-search");
            browser.leavingThePage(() ->
                    browser.find(By.linkText("Child A: a review of neglect")).click());
            assertThat(browser.path()).isEqualTo(reportPath);
            assertThat(browser.findAll(By.cssSelector("a[href$='/content']"))).hasSize(1);
            assertThat(browser.findAll(By.cssSelector("a[href$='/response']"))).hasSize(1);
            browser.checkPage("library-report");
        }
    }

    private static void fill(Browser browser, Path report, Path response) {
        WebElement title = browser.find(By.id("title"));
        title.clear();
        title.sendKeys("Child A: a review of neglect");
        browser.find(By.id("report")).sendKeys(report.toAbsolutePath().toString());
        browser.find(By.id("response")).sendKeys(response.toAbsolutePath().toString());
        WebElement neglect = browser.find(By.id("themes-neglect"));
        if (!neglect.isSelected()) {
            neglect.click();
        }
        new Select(browser.find(By.id("ageBand"))).selectByValue("1-4");
        WebElement year = browser.find(By.id("year"));
        year.clear();
        year.sendKeys(String.valueOf(TestClock.today().getYear()));
        browser.find(By.id("redactionNames")).sendKeys("Okafor");
        browser.leavingThePage(() -> browser.find(By.xpath("//button[normalize-space()='Check and publish']"))
                .click());
    }
}
