package org.lscb.server.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The directory of organisations, the form to add one, and one organisation's page with a board's members. */
public final class OrganisationPage {

    private final Browser browser;

    public OrganisationPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the directory from the administration start page. */
    public static OrganisationPage openDirectory(Browser browser) {
        browser.go("/admin");
        FormPost.clickAndWait(browser, By.linkText("See the boards and agencies"));
        return new OrganisationPage(browser);
    }

    /** The names in the directory's table. */
    public List<String> namesListed() {
        return browser.findAll(By.cssSelector("main table tbody th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public OrganisationPage startAdding() {
        FormPost.clickAndWait(browser, By.linkText("Add an organisation"));
        return this;
    }

    /** Fills in the add form (a null kind leaves the radios unchosen) and sends it. */
    public OrganisationPage add(String name, String kindInWords, String area) {
        browser.find(By.id("name")).clear();
        browser.find(By.id("name")).sendKeys(name);
        if (kindInWords != null) {
            browser.find(By.xpath("//label[normalize-space()=\"" + kindInWords + "\"]"))
                    .click();
        }
        browser.find(By.id("area")).clear();
        browser.find(By.id("area")).sendKeys(area);
        FormPost.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        return this;
    }

    /** The id of the organisation whose page is open, from its address. */
    public String id() {
        String path = browser.path();
        String rest = path.substring("/admin/organisations/".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    public String successMessage() {
        return browser.find(By.cssSelector(".govuk-notification-banner__heading"))
                .getText();
    }

    /** The organisations the open board's page lists as its members. */
    public List<String> members() {
        return browser.findAll(By.cssSelector("#members tbody th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Whether the page offers to change the board's members. */
    public boolean offersToChangeMembers() {
        return !browser.findAll(By.cssSelector("form[action$='/members']")).isEmpty();
    }

    /** Chooses an organisation (by name, or none when null) and adds it to the open board. */
    public OrganisationPage addMember(String name) {
        if (name != null) {
            new Select(browser.find(By.id("organisationId"))).selectByVisibleText(name);
        }
        FormPost.clickAndWait(browser, By.cssSelector("form[action$='/members'] button[type=submit]"));
        return this;
    }

    /** Adds the open organisation to a board, chosen by name. */
    public OrganisationPage addToBoard(String boardName) {
        new Select(browser.find(By.id("boardId"))).selectByVisibleText(boardName);
        FormPost.clickAndWait(browser, By.cssSelector("form[action$='/boards'] button[type=submit]"));
        return this;
    }

    /** Removes a member from the open board. */
    public OrganisationPage removeMember(String name) {
        FormPost.clickAndWait(
                browser, By.xpath("//table[@id='members']//tr[th[normalize-space()=\"" + name + "\"]]//button"));
        return this;
    }
}
