package org.lscb.server.it.browser;

/** "Declare an interest": what it is and, where it concerns one, the organisation. */
public final class DeclareInterestPage extends FormPage {

    public DeclareInterestPage(Browser browser) {
        super(browser);
    }

    public static DeclareInterestPage open(Browser browser) {
        browser.go("/profile/interests/new");
        return new DeclareInterestPage(browser);
    }

    public DeclareInterestPage describe(String text) {
        type("description", text);
        return this;
    }

    /** Chooses the organisation by its id (the option's value). */
    public DeclareInterestPage concerning(String organisationId) {
        select("organisationId", organisationId);
        return this;
    }
}
