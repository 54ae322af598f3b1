package org.lscb.server.it.browser;

import java.time.LocalDate;

/** "Add evidence": the kind, title, issuer, date and expiry of a piece of evidence of qualification. */
public final class AddEvidencePage extends FormPage {

    public AddEvidencePage(Browser browser) {
        super(browser);
    }

    public static AddEvidencePage open(Browser browser) {
        browser.go("/profile/evidence/new");
        return new AddEvidencePage(browser);
    }

    /** Fills the form: {@code kind} as the API names it (TRAINING...), {@code expires} null for none. */
    public AddEvidencePage fill(String kind, String title, String issuer, LocalDate date, LocalDate expires) {
        choose("type", kind);
        type("title", title);
        type("issuer", issuer);
        date("date", date);
        if (expires != null) {
            date("expires", expires);
        }
        return this;
    }

    public AddEvidencePage dateTyped(String day, String month, String year) {
        date("date", day, month, year);
        return this;
    }
}
