package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.reviews.ReportingYear;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.SignInPage;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer finds the annual reports from the navigation and reads both in a real browser with no
 * JavaScript: every chart is an SVG image with a name beside a table of its figures, and axe-core finds no
 * serious or critical problem on the pages.
 */
@ExtendWith(SharedServer.class)
class ReportsBrowserIT {

    @Test
    void an_officer_opens_the_reports_from_the_navigation_and_reads_each_as_charts_and_tables(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        w.openScr(3);
        w.openChildDeath(5);
        int year = ReportingYear.containing(TestClock.today()).endsIn();
        try (Browser browser = Browser.withoutJavaScript(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.officer().username(),
                    w.officer().password(),
                    () -> api.signInCode(w.officer().username()));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(ExpectedConditions.urlToBe(browser.baseUrl() + "/"));

            browser.find(By.linkText("Annual reports")).click();
            assertThat(browser.heading()).isEqualTo("Annual reports");
            browser.checkPage("reports");

            browser.find(By.partialLinkText("Annual report of reviews, " + (year - 1) + " to " + year))
                    .click();
            assertThat(browser.heading()).isEqualTo("Annual report of reviews, " + (year - 1) + " to " + year);
            // reviews, clocks, actions and reports published: the new board has published nothing, so no themes
            assertThat(browser.findAll(By.cssSelector("svg[role='img'][aria-label]")))
                    .hasSize(4);
            assertThat(browser.find(By.id("reviews-by-type-table")).getText()).contains("Serious case reviews");
            browser.checkPage("report-board-annual");

            browser.go("/reports/cdop-annual?year=" + year);
            assertThat(browser.heading())
                    .isEqualTo("Child Death Overview Panel annual report, " + (year - 1) + " to " + year);
            assertThat(browser.findAll(By.cssSelector("svg[role='img'][aria-label]")))
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(browser.find(By.id("deaths-expected-table")).getText()).contains("Unexpected");
            browser.checkPage("report-cdop-annual");
        }
    }
}
