package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Your profile": a reviewer's own register entry, evidence, ties, interests and appointments, as they see it. */
public final class ProfilePage {

    private final Browser browser;

    public ProfilePage(Browser browser) {
        this.browser = browser;
    }

    public static ProfilePage open(Browser browser) {
        browser.go("/profile");
        return new ProfilePage(browser);
    }

    /** The value of a row of "Your details", by its key ("Name", "Regions", ...). */
    public String detail(String key) {
        return browser.find(By.xpath("//h2[normalize-space()='Your details']/following-sibling::dl[1]"
                        + "//dt[normalize-space()='" + key + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The success banner's text, or empty when there is none. */
    public String banner() {
        List<WebElement> b = browser.findAll(By.cssSelector(".govuk-notification-banner"));
        return b.isEmpty() ? "" : b.get(0).getText();
    }

    /** The text of the evidence card titled {@code title}. */
    public String evidence(String title) {
        return browser.find(By.xpath(
                        "//div[contains(@class,'govuk-summary-card')]" + "[.//h3[normalize-space()='" + title + "']]"))
                .getText();
    }

    /** The rows of the table under the heading {@code heading}, each row's text. */
    public List<String> rowsUnder(String heading) {
        return browser
                .findAll(By.xpath("//h2[normalize-space()='" + heading + "']/following-sibling::table[1]//tbody/tr"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    public List<String> appointments() {
        return rowsUnder("Your appointments");
    }

    public EditProfilePage changeName() {
        FormPost.clickAndWait(browser, By.cssSelector("a[href='/profile/edit#displayName']"));
        return new EditProfilePage(browser);
    }

    public AddEvidencePage addEvidence() {
        FormPost.clickAndWait(browser, By.linkText("Add evidence"));
        return new AddEvidencePage(browser);
    }

    public DeclareTiePage declareTie() {
        FormPost.clickAndWait(browser, By.linkText("Declare a tie to an organisation"));
        return new DeclareTiePage(browser);
    }

    public DeclareInterestPage declareInterest() {
        FormPost.clickAndWait(browser, By.linkText("Declare an interest"));
        return new DeclareInterestPage(browser);
    }
}
